using System.CommandLine;
using Uplift.Cli.Commands;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;

namespace Uplift.Cli;

/// <summary>
/// Builds the command tree and runs it. The only place that turns exceptions into exit codes:
/// 0 success, 1 an operation failed on a node, 2 bad input (nothing was changed), 130 interrupted.
/// </summary>
public static class UpliftCommandLine
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Interrupted = 130;

    /// <summary>The global verbosity switches, read by name where a command honours them (run, resume).</summary>
    public const string Verbose = "--verbose";

    public const string Quiet = "--quiet";

    /// <summary>Close the SSH master connections at exit instead of keeping them for the next invocation.</summary>
    public const string NoPersist = "--no-persist";

    public static RootCommand Build()
    {
        var root = new RootCommand("Uplift: plans and carries out OpenStack release upgrades over SSH.");
        var verbose = new Option<bool>(Verbose, "-v") { Description = "show a run's progress as one line per event, also on a terminal (instead of the live view)", Recursive = true };
        var quiet = new Option<bool>(Quiet, "-q") { Description = "show a run's outcome only: no plan, no progress (the run's log in the state directory has every line)", Recursive = true };
        root.Options.Add(verbose);
        root.Options.Add(quiet);
        root.Options.Add(new Option<bool>(NoPersist)
        {
            Description = "SSH master connections of this command only, closed when it exits (by default uplift keeps them open 5 idle minutes in a 0700 directory of yours, and the next uplift command reuses them)",
            Recursive = true,
        });
        foreach (var command in new[]
        {
            PlanCommand.Create(),
            InventoryCommands.Create(),
            CatalogCommands.Create(),
            ExecCommand.Create(),
            LabCommands.Create(),
            HaproxyCommands.Create(),
            BackupCommands.Create(),
            RunCommands.Create(),
            CompletionCommand.Create(),
            ManPageCommand.Create(),
        }.SelectMany(c => c))
        {
            root.Subcommands.Add(command);
        }
        quiet.Validators.Add(result =>
        {
            if (result.GetValue(verbose))
            {
                result.AddError("-v and -q both given: choose one (-v shows every event, -q only the outcome)");
            }
        });
        return root;
    }

    /// <summary>What may be typed after <paramref name="command"/>: its subcommands, and every option of it and of the commands
    /// above it that reaches it, with their aliases.</summary>
    private static IEnumerable<string> NamesUnder(Command command)
    {
        var names = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)));
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            names = names.Concat(parent.Options.Where(o => o.Recursive && !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)));
        }
        return names;
    }

    /// <summary>"uplift catalog path": the words that name <paramref name="command"/>.</summary>
    private static string CommandLine(Command command)
    {
        var words = new List<string>();
        for (Command? at = command; at is not null; at = at.Parents.OfType<Command>().FirstOrDefault())
        {
            words.Insert(0, at is RootCommand ? "uplift" : at.Name);
        }
        return string.Join(' ', words);
    }

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"uplift: {Printable.Of(SecretMask.Apply(problem.Message))}");
            }
            foreach (var token in parse.UnmatchedTokens)
            {
                if (Suggestion.Closest(token, NamesUnder(parse.CommandResult.Command)) is { } meant)
                {
                    error.WriteLine($"uplift: '{Printable.Line(token)}': did you mean '{meant}'?");
                }
            }
            error.WriteLine($"uplift: see '{CommandLine(parse.CommandResult.Command)} --help'");
            return BadInput;
        }
        try
        {
            // ProcessTerminationTimeout null: System.CommandLine's own Ctrl-C handler would block .NET's signal thread
            // for its 2 s timeout, which also delays every child-process exit (SIGCHLD is handled on that thread,
            // dotnet/corefx#29699), then force exit 130 with no clean-up. Commands that run work handle Ctrl-C
            // themselves (Terminal/Interrupts) and end with OperationCanceledException or their own exit code.
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (InputException bad)
        {
            foreach (var diagnostic in bad.Diagnostics)
            {
                error.WriteLine($"uplift: {Printable.Line(SecretMask.Apply(diagnostic.ToString()))}");
            }
            return BadInput;
        }
        catch (Upgrade.Observation.ObservationFailedException failed)
        {
            error.WriteLine($"uplift: {Printable.Of(SecretMask.Apply(failed.Message))}");
            return Failed;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("uplift: interrupted");
            return Interrupted;
        }
    }
}
