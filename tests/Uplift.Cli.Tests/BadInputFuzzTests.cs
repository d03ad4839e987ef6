using System.Text;
using System.Text.RegularExpressions;
using Uplift.Cli;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>
/// Hundreds of mutated inputs (a deterministic seed: a failure names the case to replay), each run through the command an
/// operator would use: every one ends in exit 0 or exit 2 with a located message, never an exception or a stack trace.
/// </summary>
public sealed partial class BadInputFuzzTests : IDisposable
{
    private const int Seed = 20261205;
    private const int MutationsPerInput = 130;

    private const string Overlay = """
        catalog-version: site-3
        apt:
          source-line: "deb http://mirror.example.net/osbpo bookworm-{series}-backports main"
        dependencies:
          compute: [site-monitoring-agent]
        services:
          - name: nova
            packages:
              compute: [python3-nova, nova-common, nova-compute, nova-compute-ironic]
          - name: sitemon
            after: [keystone, nova]
            backends: [{name: sitemon, port: 9999, unit: sitemon-api}]
            units: {controller: [sitemon-api]}
            packages: {controller: [sitemon]}
        """;

    private const string AnsibleIni = """
        [control]
        ctl[1:3] ansible_user=ops

        [network:children]
        control

        [compute]
        cmp[01:04] ansible_host=10.0.1.[01:04] availability_zone=az1
        cmp05 ansible_host=10.0.1.5 ansible_port=2222

        [storage]
        vol1

        [all:vars]
        kolla_internal_vip_address=10.0.0.10
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("uplift-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Given_mutated_inventories_When_shown_Then_each_is_read_or_refused_with_a_located_message() =>
        Fuzz("inventory.yaml", File.ReadAllText(Fixtures.Project("examples/inventory.yaml")), 1,
            path => ["inventory", "show", "--inventory", path]);

    [Fact]
    public void Given_mutated_Ansible_INI_inventories_When_imported_Then_each_is_read_or_refused_with_a_located_message() =>
        Fuzz("hosts", AnsibleIni, 2, path => ["inventory", "import", path, "--cluster", "fuzz"]);

    [Fact]
    public void Given_mutated_catalog_overlays_When_planned_with_Then_each_is_read_or_refused_with_a_located_message() =>
        Fuzz("site.yaml", Overlay, 3,
            path => ["plan", "-i", Fixtures.Project("examples/inventory.yaml"), "--from", "epoxy", "--to", "flamingo", "--catalog", path]);

    [Fact]
    public void Given_mutated_plan_files_When_run_dry_Then_each_is_refused_with_a_located_message_or_runs_as_written()
    {
        var inventory = Path.Combine(_dir, "inventory.yaml");
        File.Copy(Fixtures.Project("examples/inventory.yaml"), inventory);
        var planFile = Path.Combine(_dir, "original.json");
        Run(["plan", "-i", inventory, "--from", "epoxy", "--to", "flamingo", "--format", "json", "-o", planFile]).Code.ShouldBe(0);

        Fuzz("plan.json", File.ReadAllText(planFile), 4, path => ["run", "--dry-run", path, "--state-dir", Path.Combine(_dir, "state")]);
    }

    private static (int Code, string Out, string Err) Run(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = UpliftCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void Fuzz(string name, string original, int stream, Func<string, string[]> command)
    {
        var random = new Random(Seed + stream);
        var path = Path.Combine(_dir, name);
        var (refused, accepted) = (0, 0);
        var problems = new List<string>();
        for (var i = 0; i < MutationsPerInput; i++)
        {
            var (mutated, how) = Mutate(original, random);
            File.WriteAllText(path, mutated);
            try
            {
                var (code, _, error) = Run(command(path));
                if (code == 0)
                {
                    accepted++;
                }
                else if (code != 2 || !Located(error, path) || error.Contains("   at ", StringComparison.Ordinal))
                {
                    problems.Add($"case {i} ({how}): exit {code}: {error.Trim()}");
                }
                else
                {
                    refused++;
                }
            }
            catch (Exception crash)
            {
                problems.Add($"case {i} ({how}): {crash.GetType().Name}: {crash.Message}");
            }
        }
        Figures.Report($"fuzz {name}: {MutationsPerInput} mutations (seed {Seed + stream}): {refused} refused with exit 2, {accepted} accepted, {problems.Count} bad");
        problems.ShouldBeEmpty();
        refused.ShouldBeGreaterThan(MutationsPerInput / 4, "the mutations must reach the validation, or the test proves little");
    }

    /// <summary>Every message line names the file, and at least one gives its line.</summary>
    private static bool Located(string error, string path)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length > 0
            && lines.All(l => l.StartsWith($"uplift: {path}:", StringComparison.Ordinal) || l.StartsWith($"uplift: {path} ", StringComparison.Ordinal))
            && lines.Any(l => LineNumber().IsMatch(l[($"uplift: {path}").Length..]));
    }

    private static (string Text, string How) Mutate(string text, Random random)
    {
        const string Specials = "[]{}:,\"'\t#&*!|>-?%@`\\\u0000\u001b é";
        var lines = text.Split('\n').ToList();
        var at = random.Next(text.Length);
        switch (random.Next(7))
        {
            case 0:
                var c = Specials[random.Next(Specials.Length)];
                return (text[..at] + c + text[at..], $"insert {(int)c:x2} at {at}");
            case 1:
                return (text[..at] + text[Math.Min(text.Length, at + 1 + random.Next(8))..], $"delete at {at}");
            case 2:
                return (text[..at], $"cut at {at}");
            case 3:
                var line = random.Next(lines.Count);
                lines.RemoveAt(line);
                return (string.Join('\n', lines), $"drop line {line + 1}");
            case 4:
                var copy = random.Next(lines.Count);
                lines.Insert(copy, lines[copy]);
                return (string.Join('\n', lines), $"repeat line {copy + 1}");
            case 5:
                var indent = random.Next(lines.Count);
                lines[indent] = random.Next(2) == 0 ? "  " + lines[indent]
                    : lines[indent].StartsWith("  ", StringComparison.Ordinal) ? lines[indent][2..] : lines[indent];
                return (string.Join('\n', lines), $"re-indent line {indent + 1}");
            default:
                var digit = Regex.Match(text[at..], "[0-9a-z]");
                if (!digit.Success)
                {
                    return (text + "\u00ff", "append");
                }
                var where = at + digit.Index;
                var replacement = (char)(digit.Value[0] is >= '0' and <= '9' ? 'x' : '9');
                return (new StringBuilder(text) { [where] = replacement }.ToString(), $"replace {digit.Value} at {where}");
        }
    }

    [GeneratedRegex(@"^:\d+")]
    private static partial Regex LineNumber();
}
