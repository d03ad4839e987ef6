using Uplift.Catalog;
using Uplift.Upgrade.Steps.MessageQueue;

namespace Uplift.Tests.Handlers;

/// <summary>The queue gate's count, on real rabbitmqctl 3.10.8 output (Samples/rabbitmqctl/list_queues_name_messages).</summary>
public sealed class QueueGateHandlerTests
{
    private static readonly string Listed = File.ReadAllText(
        Uplift.Testing.Fixtures.Project("tests/Uplift.Execution.Tests/Samples/rabbitmqctl/list_queues_name_messages.stdout.txt"));

    [Fact]
    public void Every_queue_counts_when_none_is_left_out() =>
        // notifications.error 2, notifications.info 40, reply_… 1, conductor 7, q-plugin 3, versioned_notifications.info 25, fanout 0.
        QueueGateHandler.Messages(Listed, []).ShouldBe(2 + 40 + 1 + 7 + 3 + 25 + 0);

    [Fact]
    public void The_catalogs_gate_leaves_the_notification_queues_out()
    {
        var gate = CatalogLoader.LoadEmbedded().QueueGate;
        gate.LeaveOut.ShouldContain("notifications.*");
        QueueGateHandler.Messages(Listed, gate.LeaveOut).ShouldBe(1 + 7 + 3 + 0);
    }

    [Theory]
    [InlineData("conductor", true)]
    [InlineData("notifications.info", false)]
    [InlineData("notifications", true)]
    [InlineData("q-plugin", false)]
    public void A_name_or_a_prefix_leaves_a_queue_out(string queue, bool counts) =>
        QueueGateSettings.Counts(queue, ["notifications.*", "q-plugin"]).ShouldBe(counts);

    [Fact]
    public void Lines_that_are_no_queue_count_nothing() =>
        QueueGateHandler.Messages("Timeout: 60.0 seconds ...\nconductor\t7\n", []).ShouldBe(7);
}
