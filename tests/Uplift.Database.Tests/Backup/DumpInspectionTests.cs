using Uplift.Database;

namespace Uplift.Tests.Backup;

public sealed class DumpInspectionTests
{
    [Fact]
    public void Given_the_inspection_line_When_parsed_Then_each_field_is_read() =>
        DumpInspection.Parse("gzip=1 trailer=0 qualified=3\n").ShouldBe(new DumpInspection(1, false, 3));

    [Fact]
    public void Given_anything_else_When_parsed_Then_it_is_refused() =>
        Should.Throw<FormatException>(() => DumpInspection.Parse("awk: syntax error")).Message.ShouldContain("gzip=N trailer=N qualified=N");
}
