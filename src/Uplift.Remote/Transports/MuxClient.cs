using System.IO.Pipes;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Uplift.Transports;

/// <summary>
/// Runs a command through a node's running ssh master without starting an ssh client: this process speaks the master's
/// multiplexing protocol (<see cref="MuxProtocol"/>) on its control socket and hands it the command's standard streams,
/// as <c>ssh -S socket host command</c> does, minus the cost of starting a program for each command (on two cores,
/// tens of milliseconds each, serialized in the starting process). The master, its host-key checks and login are
/// untouched: only a master that already runs (made by the ssh client with Uplift's options) is used.
/// </summary>
internal static class MuxClient
{
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);
    private static int _requests;

    /// <summary>
    /// Runs <paramref name="remoteLine"/> on the node through the master at <paramref name="controlPath"/>. Null when
    /// no master answers there or it refuses the session, so the command did not run (the caller starts ssh, which then
    /// says why, or connects anew). A master that goes away during the command, or before it confirmed the session it
    /// was asked for, gives exit code 255, as ssh's own client does; past <paramref name="deadline"/>, 124.
    /// </summary>
    public static async Task<ChildOutcome?> RunAsync(
        string controlPath, string remoteLine, string? standardInput, TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!UnixDescriptors.Supported)
        {
            return null;
        }
        var began = time.GetTimestamp();
        using var control = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await control.ConnectAsync(new UnixDomainSocketEndPoint(controlPath), cancellationToken);
        }
        catch (SocketException)
        {
            return null; // No socket there, or no master behind it (a stale socket ssh replaces).
        }
        PipeStream? input = null;
        SafeFileHandle inputEnd;
        if (standardInput is null)
        {
            inputEnd = File.OpenHandle("/dev/null");
        }
        else
        {
            (input, inputEnd) = UnixDescriptors.Pipe(PipeDirection.Out);
        }
        var (output, outputEnd) = UnixDescriptors.Pipe(PipeDirection.In);
        var (error, errorEnd) = UnixDescriptors.Pipe(PipeDirection.In);
        using var streams = new Streams(input, output, error);
        using var limit = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        try
        {
            if (!await HelloAsync(control, time, cancellationToken))
            {
                return null;
            }
            // From the request on, the command may run on the node: an answer that does not come is reported, never
            // retried with an ssh client (the command would run twice). Only the master's refusal means it did not run.
            switch (await RequestSessionAsync(control, remoteLine, [inputEnd, outputEnd, errorEnd], linked.Token))
            {
                case { Type: MuxProtocol.PermissionDenied or MuxProtocol.Failure }:
                    return null;
                case { Type: MuxProtocol.SessionOpened }:
                    break;
                case var other:
                    return Unconfirmed(controlPath, other?.Type, limit.IsCancellationRequested, began, time);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return limit.IsCancellationRequested ? Unconfirmed(controlPath, null, killed: true, began, time) : null;
        }
        finally
        {
            // Passed, the master holds copies of its own: ours would keep the pipes open past the command's end.
            inputEnd.Dispose();
            outputEnd.Dispose();
            errorEnd.Dispose();
        }
        return await FinishAsync(control, streams, standardInput, began, limit, time, linked.Token, cancellationToken);
    }

    /// <summary>
    /// Ends the master at <paramref name="controlPath"/> as <c>ssh -O exit</c> does, without starting a client (closing 50
    /// kept masters with 50 ssh clients cost an uplift exec about as much as its commands). True when the master agreed
    /// (or closed at once, as it may); false when none answers there or it refused: the caller starts <c>ssh -O exit</c>.
    /// </summary>
    public static async Task<bool> TerminateAsync(string controlPath, TimeProvider time)
    {
        if (!UnixDescriptors.Supported)
        {
            return false;
        }
        using var control = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var answer = new CancellationTokenSource(AnswerLimit, time);
        try
        {
            await control.ConnectAsync(new UnixDomainSocketEndPoint(controlPath), answer.Token);
            if (!await HelloAsync(control, time, answer.Token))
            {
                return false;
            }
            var request = (uint)Interlocked.Increment(ref _requests);
            await control.SendAsync(MuxProtocol.TerminatePacket(request), answer.Token);
            // ssh's own client counts a master that closes before its answer as ended (mux.c, mux_client_request_terminate).
            return await ReadAsync(control, answer.Token) is null or { Type: MuxProtocol.Ok };
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Both hellos; false when the socket's listener does not speak version 4 of the protocol, or does not answer
    /// within <see cref="AnswerLimit"/> (nothing was asked of it yet: ssh can be started instead).</summary>
    private static async Task<bool> HelloAsync(Socket control, TimeProvider time, CancellationToken cancellationToken)
    {
        using var answer = new CancellationTokenSource(AnswerLimit, time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(answer.Token, cancellationToken);
        try
        {
            await control.SendAsync(MuxProtocol.HelloPacket(), waiting.Token);
            return await ReadAsync(control, waiting.Token) is { Type: MuxProtocol.Hello, Id: MuxProtocol.Version };
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Asks for the session and passes the three descriptors; the master's answer (null: none came).</summary>
    private static async Task<MuxReply?> RequestSessionAsync(Socket control, string remoteLine, SafeHandle[] standardStreams, CancellationToken cancellationToken)
    {
        var request = (uint)Interlocked.Increment(ref _requests);
        try
        {
            await control.SendAsync(MuxProtocol.NewSessionPacket(request, remoteLine), cancellationToken);
            foreach (var descriptor in standardStreams)
            {
                await UnixDescriptors.PassAsync(control, descriptor, cancellationToken);
            }
            var reply = await ReadAsync(control, cancellationToken);
            return reply?.Id == request ? reply : null;
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A session asked for whose opening the master never confirmed: as an ssh client that lost its master.</summary>
    private static ChildOutcome Unconfirmed(string controlPath, uint? answer, bool killed, long began, TimeProvider time) =>
        new(killed ? 124 : 255, "",
            $"uplift: the ssh master at {controlPath} did not confirm the session it was asked for " +
            (answer is { } type ? $"(it answered 0x{type:x8})" : killed ? "before the command's deadline" : "(the connection closed)") +
            ": the command may have run\n",
            time.GetElapsedTime(began), killed);

    private static async Task<ChildOutcome> FinishAsync(Socket control, Streams streams, string? standardInput, long began,
        CancellationTokenSource limit, TimeProvider time, CancellationToken running, CancellationToken cancellationToken)
    {
        using var stopReading = new CancellationTokenSource();
        var output = new MemoryStream();
        var error = new MemoryStream();
        var reading = Task.WhenAll(ChildProcess.Drain(streams.Output, output, stopReading.Token), ChildProcess.Drain(streams.Error, error, stopReading.Token));
        var exit = 255;
        var killed = false;
        try
        {
            await FeedAsync(streams.Input, standardInput, running);
            exit = await ExitValueAsync(control, running) ?? 255;
        }
        catch (OperationCanceledException)
        {
            // Past the deadline, or aborted: closing the control connection ends the session on the master, as killing
            // an ssh client does.
            killed = limit.IsCancellationRequested;
            control.Close();
            cancellationToken.ThrowIfCancellationRequested();
        }
        try
        {
            await reading.WaitAsync(DrainGrace, time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            stopReading.Cancel();
            await reading;
        }
        return new ChildOutcome(killed ? 124 : exit, ChildProcess.Text(output), ChildProcess.Text(error), time.GetElapsedTime(began), killed);
    }

    /// <summary>The session's exit value; null when the master closed the connection without one.</summary>
    private static async Task<int?> ExitValueAsync(Socket control, CancellationToken cancellationToken)
    {
        while (true)
        {
            MuxReply? reply;
            try
            {
                reply = await ReadAsync(control, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
            {
                return null;
            }
            switch (reply)
            {
                case null:
                    return null;
                case { Type: MuxProtocol.ExitMessage }:
                    return (int)reply.Value;
            }
        }
    }

    private static async Task FeedAsync(PipeStream? input, string? text, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return;
        }
        try
        {
            await input.WriteAsync(Encoding.UTF8.GetBytes(text ?? ""), cancellationToken);
        }
        catch (IOException)
        {
            // The command exited without reading its input: its exit value tells what happened.
        }
        input.Dispose();
    }

    /// <summary>One packet from the master; null at the end of the connection.</summary>
    private static async Task<MuxReply?> ReadAsync(Socket control, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (!await FillAsync(control, header, cancellationToken))
        {
            return null;
        }
        var body = new byte[MuxProtocol.BodyLength(header)];
        return await FillAsync(control, body, cancellationToken)
            ? MuxProtocol.Read(body)
            : throw new InvalidDataException("the master closed the connection inside a packet");
    }

    private static async Task<bool> FillAsync(Socket control, Memory<byte> into, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < into.Length)
        {
            var read = await control.ReceiveAsync(into[filled..], cancellationToken);
            if (read == 0)
            {
                return false;
            }
            filled += read;
        }
        return true;
    }

    /// <summary>This process's ends of the session's pipes.</summary>
    private sealed record Streams(PipeStream? Input, PipeStream Output, PipeStream Error) : IDisposable
    {
        public void Dispose()
        {
            Input?.Dispose();
            Output.Dispose();
            Error.Dispose();
        }
    }
}
