using System.Buffers.Binary;
using System.Text;

namespace Uplift.Transports;

/// <summary>
/// What a client of an OpenSSH ControlMaster says over its control socket to open a session, and what the master
/// answers (pure): OpenSSH's multiplexing protocol, version 4, as PROTOCOL.mux in openssh-portable describes it. Every
/// packet is a uint32 length, then a uint32 type and its body in SSH wire format (uint32 big-endian, string a uint32 length
/// and its bytes).
/// </summary>
internal static class MuxProtocol
{
    public const uint Version = 4;
    public const uint Hello = 0x00000001;
    public const uint NewSession = 0x10000002;
    /// <summary>MUX_C_TERMINATE (PROTOCOL.mux "Requesting termination of a master"; openssh-portable mux.c), tested against
    /// the system's real ssh master in Sshd/MuxClientTests.</summary>
    public const uint Terminate = 0x10000005;
    public const uint Ok = 0x80000001;
    public const uint PermissionDenied = 0x80000002;
    public const uint Failure = 0x80000003;
    public const uint ExitMessage = 0x80000004;
    public const uint SessionOpened = 0x80000006;
    public const uint TtyAllocationFailed = 0x80000008;

    /// <summary>No escape character: the session's input is passed through untouched.</summary>
    private const uint NoEscape = 0xffffffff;

    /// <summary>A packet's body is at most this long: a master's answers are a few words (ssh's own client refuses
    /// packets over 256 KiB).</summary>
    public const int LongestBody = 256 * 1024;

    /// <summary>The client's hello: the protocol version it speaks, no extensions.</summary>
    public static byte[] HelloPacket() => Packet(Hello, w => w.UInt32(Version));

    /// <summary>A passenger session running <paramref name="command"/> without a tty, X11 or agent forwarding; the
    /// client then passes its stdin, stdout and stderr descriptors, in that order, one per control message.</summary>
    public static byte[] NewSessionPacket(uint requestId, string command) => Packet(NewSession, w =>
    {
        w.UInt32(requestId);
        w.String("");
        // tty, X11, agent, subsystem: PROTOCOL.mux calls them bool, but ssh's mux.c reads and writes each as a uint32.
        w.UInt32(0);
        w.UInt32(0);
        w.UInt32(0);
        w.UInt32(0);
        w.UInt32(NoEscape);
        w.String("");
        w.String(command);
    });

    /// <summary>Asks the master to end (as <c>ssh -O exit</c> does): it answers <see cref="Ok"/> and exits, closing its
    /// sessions and removing its socket.</summary>
    public static byte[] TerminatePacket(uint requestId) => Packet(Terminate, w => w.UInt32(requestId));

    /// <summary>The body's length, from a packet's first four bytes; refuses a length no master sends.</summary>
    public static int BodyLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        return length is >= 4 and <= LongestBody
            ? (int)length
            : throw new InvalidDataException($"the master sent a packet of {length} bytes: not the multiplexing protocol");
    }

    /// <summary>Reads a master's packet body: its type and, by type, the ids, exit value or reason it carries.</summary>
    public static MuxReply Read(ReadOnlySpan<byte> body)
    {
        var reader = new Reader(body);
        var type = reader.UInt32();
        return type switch
        {
            Hello or Ok or TtyAllocationFailed => new MuxReply(type, reader.UInt32()),
            SessionOpened or ExitMessage => new MuxReply(type, reader.UInt32(), reader.UInt32()),
            PermissionDenied or Failure => new MuxReply(type, reader.UInt32(), Reason: reader.String()),
            _ => new MuxReply(type, 0),
        };
    }

    private static byte[] Packet(uint type, Action<Writer> body)
    {
        var writer = new Writer();
        writer.UInt32(0);
        writer.UInt32(type);
        body(writer);
        var packet = writer.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)(packet.Length - 4));
        return packet;
    }

    private sealed class Writer
    {
        private readonly MemoryStream _bytes = new();

        public void UInt32(uint value)
        {
            Span<byte> word = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(word, value);
            _bytes.Write(word);
        }

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            UInt32((uint)bytes.Length);
            _bytes.Write(bytes);
        }

        public byte[] ToArray() => _bytes.ToArray();
    }

    private ref struct Reader(ReadOnlySpan<byte> body)
    {
        private ReadOnlySpan<byte> _rest = body;

        public uint UInt32()
        {
            if (_rest.Length < 4)
            {
                throw new InvalidDataException("the master's packet ended inside a number: not the multiplexing protocol");
            }
            var value = BinaryPrimitives.ReadUInt32BigEndian(_rest);
            _rest = _rest[4..];
            return value;
        }

        public string String()
        {
            var length = UInt32();
            if (length > _rest.Length)
            {
                throw new InvalidDataException("the master's packet ended inside a string: not the multiplexing protocol");
            }
            var text = Encoding.UTF8.GetString(_rest[..(int)length]);
            _rest = _rest[(int)length..];
            return text;
        }
    }
}

/// <summary>A master's packet: its type, the request or session id (or protocol version of a hello) it answers, the
/// session id of <see cref="MuxProtocol.SessionOpened"/> or exit value of <see cref="MuxProtocol.ExitMessage"/>, and the
/// reason of a refusal.</summary>
internal sealed record MuxReply(uint Type, uint Id, uint Value = 0, string? Reason = null);
