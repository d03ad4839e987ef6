using Uplift.Nodes;

namespace Uplift.Tests.Adapters;

/// <summary>rabbitmqctl cluster_status --formatter json, on real output of RabbitMQ 3.10.8 (Samples/rabbitmqctl).</summary>
public sealed class RabbitmqTests
{
    private static string Sample(string name) =>
        File.ReadAllText(Uplift.Testing.Fixtures.Project($"tests/Uplift.Execution.Tests/Samples/rabbitmqctl/{name}"));

    [Fact]
    public void Given_two_running_members_When_read_Then_the_cluster_is_whole()
    {
        var cluster = Rabbitmq.ParseClusterStatus(Sample("cluster_status_two_running.stdout.txt"));

        cluster.Members.ShouldBe(["rabbit2@vm", "rabbit@vm"]);
        cluster.Running.ShouldBe(["rabbit2@vm", "rabbit@vm"]);
        cluster.IsWhole.ShouldBeTrue();
        cluster.Describe().ShouldBe("2 of 2 members running");
    }

    [Fact]
    public void Given_a_single_node_When_read_Then_it_is_whole()
    {
        Rabbitmq.ParseClusterStatus(Sample("cluster_status_single.stdout.txt")).IsWhole.ShouldBeTrue();
    }

    [Fact]
    public void Given_a_member_stopped_When_read_Then_it_is_not_whole_and_names_it()
    {
        var cluster = Rabbitmq.ParseClusterStatus(Sample("cluster_status_member_stopped.stdout.txt"));

        cluster.IsWhole.ShouldBeFalse();
        cluster.Stopped.ShouldBe(["rabbit2@vm"]);
        cluster.Describe().ShouldBe("1 of 2 members running (rabbit2@vm stopped)");
    }

    [Fact]
    public void Given_a_disk_alarm_When_read_Then_it_is_not_whole_and_names_the_alarm()
    {
        var cluster = Rabbitmq.ParseClusterStatus(Sample("cluster_status_disk_alarm.stdout.txt"));

        cluster.IsWhole.ShouldBeFalse();
        cluster.Describe().ShouldBe("2 of 2 members running; disk alarm on rabbit@vm");
    }

    [Fact]
    public void Given_a_partition_When_read_Then_it_is_not_whole()
    {
        var json = Sample("cluster_status_two_running.stdout.txt").Replace("\"partitions\":{}", "\"partitions\":{\"rabbit@vm\":[\"rabbit2@vm\"]}", StringComparison.Ordinal);

        var cluster = Rabbitmq.ParseClusterStatus(json);

        cluster.IsWhole.ShouldBeFalse();
        cluster.Describe().ShouldContain("partitioned: rabbit@vm cannot see rabbit2@vm");
    }

    [Theory]
    [InlineData("cluster_status_node_down.stderr.txt")]
    [InlineData("cluster_status_node_down.stdout.txt")]
    public void Given_what_a_stopped_node_prints_When_read_Then_it_is_a_format_error_not_a_guess(string sample) =>
        Should.Throw<FormatException>(() => Rabbitmq.ParseClusterStatus(Sample(sample)));
}
