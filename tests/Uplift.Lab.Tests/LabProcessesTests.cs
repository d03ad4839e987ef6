using Uplift.Lab;

namespace Uplift.Tests;

public class LabProcessesTests
{
    [Fact]
    public void GivenAProcessTree_WhenDescendantsOfADaemonAreCollected_ThenItsWholeSubtreeAndNothingElseIsFound()
    {
        LabProcesses.Entry[] processes =
        [
            new(1, 0, 0), new(100, 1, 0), new(101, 100, 0), new(102, 101, 999), new(103, 102, 999),
            new(200, 1, 0), new(201, 200, 999),
        ];

        var found = LabProcesses.WithDescendants(processes, [100]);

        found.ShouldBe([100, 101, 102, 103], ignoreOrder: true);
    }
}
