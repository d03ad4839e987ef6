using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>Sets one ini option to a value (the puppet master's release name: inventory puppet.release_file).</summary>
public sealed record ConfigSetStep(string File, string Section, string Option, string Value) : IStepArguments<ConfigSetStep>
{
    public const string Name = "config-set";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs(("file", File), ("section", Section), ("option", Option), ("value", Value));

    public static ConfigSetStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("file"), arguments.Required("section"), arguments.Required("option"), arguments.Required("value"));
    }

    /// <summary>Done when the option already holds the value; set, then read back.</summary>
    public static IStepHandler Handler { get; } = new ConfigSetHandler();

    private sealed class ConfigSetHandler : NodeStepHandler
    {
        public override IReadOnlyList<string> Describe(PlanStep step)
        {
            var (file, section, option, value) = Read(step);
            return [IniOption.Get(file, section, option), IniOption.Set(file, section, option, value) + "   # unless it holds it"];
        }

        protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
        {
            var (file, section, option, value) = Read(context.Step);
            var held = await context.RunAsync(node, IniOption.Get(file, section, option)).ConfigureAwait(false);
            return held.ExitCode == 0 && held.StandardOutput.Trim() == value;
        }

        /// <summary>The node judges the option's value itself: guard, write and read-back in one round trip.</summary>
        protected override GuardedAction? GuardedActionOn(PlanStep step, string node)
        {
            var (file, section, option, value) = Read(step);
            var read = IniOption.Get(file, section, option);
            return IniOption.GetShows(value) is { } done ? new GuardedAction(read, done, IniOption.Set(file, section, option, value), [read]) : null;
        }

        protected override Task ActOnAsync(StepContext context, string node)
        {
            var (file, section, option, value) = Read(context.Step);
            return context.RunCheckedAsync(node, IniOption.Set(file, section, option, value));
        }

        protected override async Task VerifyOnAsync(StepContext context, string node)
        {
            if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
            {
                var (file, section, option, value) = Read(context.Step);
                throw new StepFailedException($"on {node}: [{section}] {option} in {file} is not '{value}' after setting it");
            }
        }
    }
}
