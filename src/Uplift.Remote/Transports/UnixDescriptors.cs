using System.IO.Pipes;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Uplift.Transports;

/// <summary>
/// The two system calls .NET does not offer that handing a session's standard streams to an ssh master needs: a pipe
/// whose ends this process owns, and passing a descriptor over a Unix socket (SCM_RIGHTS). 64-bit Linux only (the
/// layouts of <c>msghdr</c> and <c>cmsghdr</c> below are glibc's and musl's there); elsewhere <see cref="Supported"/> is false.
/// </summary>
internal static partial class UnixDescriptors
{
    private const int CloseOnExec = 0x80000; // O_CLOEXEC: a program started meanwhile must not hold a session's pipe open
    private const int SocketLevel = 1;       // SOL_SOCKET
    private const int PassRights = 1;        // SCM_RIGHTS
    private const int NoSignal = 0x4000;     // MSG_NOSIGNAL: a master gone is an error, not a SIGPIPE
    private const int TryAgain = 11;         // EAGAIN: .NET's sockets are non-blocking
    private const int Interrupted = 4;       // EINTR

    public static bool Supported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>A new pipe: the end this process keeps as a stream, and the other end's descriptor (to pass, then close).</summary>
    public static unsafe (PipeStream Kept, SafeFileHandle Passed) Pipe(PipeDirection kept)
    {
        var ends = stackalloc int[2];
        if (pipe2(ends, CloseOnExec) != 0)
        {
            throw new IOException($"pipe2 failed: errno {Marshal.GetLastPInvokeError()}");
        }
        var (keep, pass) = kept == PipeDirection.In ? (ends[0], ends[1]) : (ends[1], ends[0]);
        return (new AnonymousPipeClientStream(kept, new SafePipeHandle(keep, ownsHandle: true)), new SafeFileHandle(pass, ownsHandle: true));
    }

    /// <summary>Passes <paramref name="descriptor"/> over <paramref name="socket"/> with one byte of data, as ssh's own
    /// client does (the master reads one descriptor per message).</summary>
    public static async Task PassAsync(Socket socket, SafeHandle descriptor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var error = Send((int)socket.Handle, (int)descriptor.DangerousGetHandle());
            if (error == 0)
            {
                return;
            }
            if (error is not (TryAgain or Interrupted) || attempt >= 1000)
            {
                throw new IOException($"passing a descriptor to the ssh master failed: errno {error}");
            }
            await Task.Delay(1, cancellationToken);
        }
    }

    private static unsafe int Send(int socket, int descriptor)
    {
        byte data = 0;
        var vector = new IoVector { Base = &data, Length = 1 };
        // struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; } then the descriptor: CMSG_SPACE(4) = 24 bytes.
        var control = stackalloc byte[24];
        new Span<byte>(control, 24).Clear();
        *(nuint*)control = 16 + sizeof(int);
        *(int*)(control + 8) = SocketLevel;
        *(int*)(control + 12) = PassRights;
        *(int*)(control + 16) = descriptor;
        var message = new MessageHeader { Vectors = &vector, VectorCount = 1, Control = control, ControlLength = 24 };
        return sendmsg(socket, &message, NoSignal) == 1 ? 0 : Marshal.GetLastPInvokeError();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int pipe2(int* descriptors, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint sendmsg(int socket, MessageHeader* message, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVector
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }
}
