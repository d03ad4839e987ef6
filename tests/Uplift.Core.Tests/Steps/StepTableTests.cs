using System.Reflection;
using System.Text.RegularExpressions;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Tests.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests.Steps;

/// <summary>
/// A step kind lives in one place: its family's folder (src/Uplift.Upgrade/Steps/FAMILY/) defines its name (a record's
/// static Kind) and carries it out; one table binds every kind to one handler.
/// </summary>
public sealed class StepTableTests
{
    private static readonly Type[] KindRecords = typeof(StepTable).Assembly.GetTypes()
        .Where(t => t.GetProperty("Kind", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(StepKind))
        .ToArray();

    private static StepKind KindOf(Type record) => (StepKind)record.GetProperty("Kind", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Every_kind_a_family_defines_has_one_handler_in_the_table_and_the_table_binds_no_other()
    {
        var defined = KindRecords.Select(KindOf).ToList();

        defined.Count.ShouldBeGreaterThan(40);
        defined.ShouldBeUnique();
        StepTable.Kinds.ShouldBeUnique();
        StepTable.Kinds.OrderBy(k => k.Name).ShouldBe(defined.OrderBy(k => k.Name));
    }

    [Fact]
    public void Given_everything_a_run_can_have_Then_every_kind_is_carried_out_by_its_own_family()
    {
        using var cloud = new ComputeCloud(() => throw new InvalidOperationException("no cloud in this test"));
        var handlers = StepTable.Create(new StepServices(cloud, Path.GetTempPath()));

        foreach (var record in KindRecords)
        {
            var handler = handlers.For(KindOf(record));
            handler.ShouldNotBeOfType<MissingHandler>($"{KindOf(record)} has no handler with a cloud and a state directory");
            // Its handler is a class of the family, or the record's own (a one-command kind names its command there).
            var own = record.GetProperty("Handler", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            (handler.GetType().Namespace == record.Namespace || ReferenceEquals(own, handler))
                .ShouldBeTrue($"{KindOf(record)} is defined in {record.Namespace} but carried out by {handler.GetType().FullName}");
        }
    }

    [Fact]
    public void A_run_without_the_OpenStack_APIs_refuses_only_the_kinds_that_call_them()
    {
        var handlers = StepTable.Create(new StepServices(Backups: Path.GetTempPath()));

        var missing = StepTable.Kinds.Where(k => handlers.For(k) is MissingHandler).ToHashSet();

        missing.ShouldNotBeEmpty();
        missing.SetEquals(StepTable.NeedingCloud).ShouldBeTrue(string.Join(", ", missing));
    }

    [Theory]
    [InlineData("epoxy", "flamingo", "")]
    [InlineData("epoxy", "epoxy", "")]
    [InlineData("bobcat", "epoxy", "caracal")]
    public void Every_kind_of_a_plan_is_named_once_in_the_source_in_the_folder_of_its_family(string from, string to, string via)
    {
        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, from, to, new PlanOptions(Via: via));
        // The catalog's YAML keys of the same spelling ("upgrade-check:", "rpc-pin:") are data about services, not kinds.
        var sources = Directory.GetFiles(Fixtures.Project("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Catalog/", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(Fixtures.Root, f), Text: File.ReadAllText(f)))
            .ToList();

        using var cloud = new ComputeCloud(() => throw new InvalidOperationException("no cloud in this test"));
        var handlers = StepTable.Create(new StepServices(cloud, Path.GetTempPath()));

        foreach (var kind in plan.Steps.Select(s => s.Kind).Distinct())
        {
            var naming = sources.Where(s => Regex.IsMatch(s.Text, $"\"{kind.Name}\"")).Select(s => s.Path).ToList();
            naming.Count.ShouldBe(1, $"\"{kind.Name}\" is written in {string.Join(", ", naming)}");
            if (kind != StepKind.Milestone)
            {
                Path.GetDirectoryName(naming[0])!.ShouldStartWith(Path.Combine("src", "Uplift.Upgrade", "Steps") + "/");
                // Carried out there: by a handler of the folder, or by the one command its own file names.
                var family = Path.GetDirectoryName(naming[0])!;
                var handler = handlers.For(kind).GetType();
                var carried = handler == typeof(ShellStepHandler)
                    ? sources.Single(s => s.Path == naming[0]).Text.Contains("IStepHandler Handler", StringComparison.Ordinal)
                    : File.Exists(Path.Combine(Fixtures.Root, family, handler.Name + ".cs"));
                carried.ShouldBeTrue($"{kind} is named in {family}, carried out by {handler.Name}");
            }
        }
    }
}
