using System.CommandLine;
using Spectre.Console;
using Uplift.Cli.Terminal;
using Uplift.Diagnostics;
using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Files;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Observation;
using Uplift.Upgrade.Run;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Cli.Commands;

/// <summary>Options of every command that executes a plan, and the wiring of one execution.</summary>
internal sealed class ExecutionSwitches
{
    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "do not ask for confirmation (breakpoints still stop)" };

    public Option<FileInfo?> LogJson { get; } = new("--log-json") { Description = "write every event as one JSON object per line to FILE" };

    public Option<DirectoryInfo?> StateDir { get; } = new("--state-dir") { Description = "state directory (default $UPLIFT_STATE_DIR or ~/.local/state/uplift)" };

    public Option<string[]> PauseBefore { get; } = new("--pause-before") { Description = "ask before the first step of this phase or service (repeatable)", AllowMultipleArgumentsPerToken = true };

    public Option<bool> Step { get; } = new("--step") { Description = "approve each group of steps (a service on a node set, a compute batch) before it starts" };

    public Option<double> ProbeRate { get; } = new("--probe-rate")
    {
        Description = "requests a second to each public endpoint of the cloud's catalog while the run goes, to measure the API downtime it causes (0: off)",
        DefaultValueFactory = _ => 1,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<double>() is var rate && (!double.IsFinite(rate) || rate < 0 || rate > 100))
                {
                    result.AddError($"--probe-rate {rate}: give requests a second from 0 (no probe) to 100");
                }
            },
        },
    };

    public StateDirectory State(ParseResult parse) => StateDirectory.Resolve(parse.GetValue(StateDir)?.FullName);

    public Option<bool> Fresh { get; } = new("--fresh") { Description = "start the plan afresh: forget the journal's steps of it (when the journal does not describe the cluster as it is now)" };

    public Option<string?> OsCloud { get; } = new("--os-cloud") { Description = "cloud of clouds.yaml for the compute and service-check steps (default $OS_CLOUD; file: $OS_CLIENT_CONFIG_FILE or the usual places)" };

    /// <summary>The OpenStack APIs of the run: clouds.yaml is read only when a compute or service-check step first needs it.</summary>
    public ComputeCloud Cloud(ParseResult parse, Plan plan, ClusterInventory? inventory, TimeProvider time) =>
        new(() => new OpenStack.OpenStackSession(CloudConfig(parse, inventory), time), plan.LimitOf(ConcurrencyClasses.LiveMigrations),
            inventory?.Concurrency.LiveMigrationsPerHost ?? 1);

    /// <summary>The plan's steps that call the OpenStack APIs need a cloud: one that cannot be found is refused before the
    /// plan is shown (exit 2), not when the first of them runs. Reads files only.</summary>
    public void CheckCloud(ParseResult parse, Plan plan, ClusterInventory inventory)
    {
        if (plan.Steps.Any(s => StepTable.NeedingCloud.Contains(s.Kind)))
        {
            CloudConfig(parse, inventory);
        }
    }

    private OpenStack.CloudConfig CloudConfig(ParseResult parse, ClusterInventory? inventory) =>
        OpenStack.CloudsFileSearch.ForProcess().Load(parse.GetValue(OsCloud), inventory?.OpenStack.CloudsYaml, inventory?.OpenStack.Cloud);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Yes, LogJson, StateDir, PauseBefore, Step, OsCloud, ProbeRate, Fresh })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>-v and -q (global options; the parser refuses both at once).</summary>
    public static (bool Verbose, bool Quiet) Verbosity(ParseResult parse) =>
        (parse.GetValue<bool>(UpliftCommandLine.Verbose), parse.GetValue<bool>(UpliftCommandLine.Quiet));

    /// <summary>Without a terminal to confirm on and without --yes nothing would run: say so before reaching any node.</summary>
    public void RefuseWithoutTerminal(ParseResult parse)
    {
        var interactive = !Console.IsInputRedirected && ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out);
        if (!interactive && !parse.GetValue(Yes))
        {
            throw new InputException("no terminal to confirm on: nothing was changed", hint: "pass --yes to run without confirmation");
        }
    }

    /// <summary>An event log that cannot be written is refused (exit 2) before any node is reached, never a crash mid-run.</summary>
    public void CheckLogJson(ParseResult parse)
    {
        if (parse.GetValue(LogJson) is not { } file)
        {
            return;
        }
        var path = file.FullName;
        var problem = Directory.Exists(path) ? "is a directory"
            : Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder) ? $"is in a folder that does not exist ({folder})"
            : null;
        if (problem is null)
        {
            try
            {
                PrivateFile.Create(path, append: true).Dispose();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                problem = $"cannot be written ({e.Message})";
            }
        }
        if (problem is not null)
        {
            throw new InputException($"--log-json {path} {problem}: nothing was changed", new SourceLocation(path), "name a file you may write");
        }
    }

    public async Task<int> RunAsync(
        ParseResult parse, Plan plan, string json, ClusterInventory inventory, ITransport transport,
        (ClusterObservation, ClusterIdentity) observed, bool confirm)
    {
        var output = parse.InvocationConfiguration.Output;
        var interactive = !Console.IsInputRedirected && ReferenceEquals(output, Console.Out);
        var prompt = new ConsolePrompt(Console.In, output, interactive, parse.GetValue(Yes));
        if (confirm && !await prompt.ConfirmAsync($"Run these {plan.Steps.Count} steps on cluster {plan.Cluster}?", false, CancellationToken.None))
        {
            throw new InputException(interactive ? "not confirmed: nothing was changed" : "no terminal to confirm on: nothing was changed",
                hint: interactive ? null : "pass --yes to run without confirmation");
        }
        var time = TimeProvider.System;
        using var control = new RunControl();
        var notes = new LiveNotes(Console.Error);
        using var signals = Interrupts.Handle(() => notes.Say(control.Interrupt()
            ? "uplift: aborting: running commands are cancelled"
            : "uplift: stopping after the running steps (Ctrl-C again to abort)"));
        var (verbose, quiet) = Verbosity(parse);
        var live = interactive && !verbose && !quiet && !parse.GetValue(Step) && (parse.GetValue(PauseBefore) ?? []).Length == 0;
        var settings = new RunSettings(State(parse), new ExecutionOptions(parse.GetValue(PauseBefore), parse.GetValue(Step)),
            parse.GetValue(ProbeRate), parse.GetValue(Fresh), parse.GetValue(LogJson)?.FullName);
        var session = new RunSession(settings, time);
        using var cloud = Cloud(parse, plan, inventory, time);
        var summary = await session.RunAsync(plan, json, inventory, transport, observed, cloud, prompt, control, output, live ? null : quiet ? TextWriter.Null : output,
            run => live ? LiveView.ShowWhileAsync(AnsiConsole.Console, () => notes.Above(ProgressTable.Render(session.Progress.Snapshot(), time.GetUtcNow())), run, time, keepLast: true)
                : run());
        return summary.Outcome switch
        {
            RunOutcome.Succeeded => UpliftCommandLine.Success,
            RunOutcome.Failed => UpliftCommandLine.Failed,
            _ => UpliftCommandLine.Interrupted,
        };
    }
}
