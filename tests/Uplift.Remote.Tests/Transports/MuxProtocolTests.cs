using System.Buffers.Binary;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

/// <summary>The multiplexing protocol's framing as a client reads it: what a master that is not one, or a connection cut
/// inside a packet, gives (the real master's answers are specified against real ssh in Sshd/MuxClientTests).</summary>
public sealed class MuxProtocolTests
{
    [Theory]
    [InlineData(0u)]
    [InlineData(3u)]
    [InlineData(256u * 1024 + 1)]
    [InlineData(0x48545450u)] // "HTTP": something else listens on the socket
    public void Given_a_length_no_master_sends_When_read_Then_it_is_refused_as_not_the_protocol(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, length);

        Should.Throw<InvalidDataException>(() => MuxProtocol.BodyLength(header)).Message.ShouldContain("not the multiplexing protocol");
    }

    [Fact]
    public void Given_a_refusal_cut_inside_its_reason_When_read_Then_it_is_refused_not_misread()
    {
        var body = Words(MuxProtocol.Failure, 7, 40).Concat("short"u8.ToArray()).ToArray();

        Should.Throw<InvalidDataException>(() => MuxProtocol.Read(body)).Message.ShouldContain("inside a string");
    }

    [Fact]
    public void Given_an_exit_message_When_read_Then_it_carries_the_session_and_its_exit_value()
    {
        var reply = MuxProtocol.Read(Words(MuxProtocol.ExitMessage, 3, 255));

        (reply.Type, reply.Id, reply.Value).ShouldBe((MuxProtocol.ExitMessage, 3u, 255u));
    }

    [Fact]
    public void Given_a_new_session_When_framed_Then_its_length_counts_every_byte_after_it_and_the_command_is_last()
    {
        var packet = MuxProtocol.NewSessionPacket(9, "echo é");

        MuxProtocol.BodyLength(packet).ShouldBe(packet.Length - 4);
        BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)).ShouldBe(MuxProtocol.NewSession);
        BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8)).ShouldBe(9u);
        var command = "echo é"u8.ToArray();
        packet[^command.Length..].ShouldBe(command);
        BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(packet.Length - command.Length - 4)).ShouldBe((uint)command.Length);
    }

    private static byte[] Words(params uint[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), words[i]);
        }
        return bytes;
    }
}
