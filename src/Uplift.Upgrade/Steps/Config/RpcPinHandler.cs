using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>Sets (RpcPin) or removes (RpcUnpin) an INI option: "file", "section", "option", "value".</summary>
public sealed class RpcPinHandler(bool pin) : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step)
    {
        var (file, section, option, value) = Setting(step);
        return [pin ? IniOption.Set(file, section, option, value) : IniOption.Remove(file, section, option)];
    }

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var (file, section, option, value) = Setting(context.Step);
        var result = await context.RunAsync(node, IniOption.Get(file, section, option)).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => pin && result.StandardOutput.Trim() == value,
            1 => !pin,
            _ => throw new StepFailedException($"on {node}: cannot read {file}: {result.StandardError.Trim()}", result),
        };
    }

    /// <summary>The node judges the option's value itself: guard, write and read-back in one round trip.</summary>
    protected override GuardedAction? GuardedActionOn(PlanStep step, string node)
    {
        var (file, section, option, value) = Setting(step);
        var read = IniOption.Get(file, section, option);
        return (pin ? IniOption.GetShows(value) : IniOption.GetShowsUnset) is { } done
            ? new GuardedAction(read, done, pin ? IniOption.Set(file, section, option, value) : IniOption.Remove(file, section, option), [read])
            : null;
    }

    protected override Task ActOnAsync(StepContext context, string node)
    {
        var (file, section, option, value) = Setting(context.Step);
        return context.RunCheckedAsync(node, pin ? IniOption.Set(file, section, option, value) : IniOption.Remove(file, section, option));
    }

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
        {
            var (file, section, option, _) = Setting(context.Step);
            throw new StepFailedException($"on {node}: [{section}] {option} in {file} is not {(pin ? "set" : "removed")} after writing");
        }
    }

    private RpcPinSetting Setting(PlanStep step) => pin ? RpcPinStep.Read(step).Pin : RpcUnpinStep.Read(step).Pin;
}
