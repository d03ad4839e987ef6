using Uplift.Upgrade.Steps.MessageQueue;

namespace Uplift.Tests.Handlers;

public sealed class QueueGateHandlerTests
{
    [Theory]
    [InlineData("0\n0\n0\n", 0)]
    [InlineData("messages\n12\n3\n", 15)]
    [InlineData("Timeout: 60.0 seconds ...\n7\n", 7)]
    public void The_queue_depth_is_the_sum_of_every_queues_count(string output, long expected) =>
        QueueGateHandler.Messages(output).ShouldBe(expected);
}
