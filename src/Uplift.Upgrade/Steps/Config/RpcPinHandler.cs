using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>Sets (RpcPin) or removes (RpcUnpin) an INI option: "file", "section", "option", "value".</summary>
public sealed class RpcPinHandler(bool pin) : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step)
    {
        var (file, section, option) = (step.Argument("file") ?? "FILE", step.Argument("section") ?? "SECTION", step.Argument("option") ?? "OPTION");
        return [pin ? IniOption.Set(file, section, option, step.Argument("value") ?? "VALUE") : IniOption.Remove(file, section, option)];
    }

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var result = await context.RunAsync(node, IniOption.Get(context.Require("file"), context.Require("section"), context.Require("option")))
            .ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => pin && result.StandardOutput.Trim() == context.Require("value"),
            1 => !pin,
            _ => throw new StepFailedException($"on {node}: cannot read {context.Require("file")}: {result.StandardError.Trim()}", result),
        };
    }

    protected override Task ActOnAsync(StepContext context, string node)
    {
        var (file, section, option) = (context.Require("file"), context.Require("section"), context.Require("option"));
        return context.RunCheckedAsync(node, pin ? IniOption.Set(file, section, option, context.Require("value")) : IniOption.Remove(file, section, option));
    }

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
        {
            throw new StepFailedException($"on {node}: [{context.Require("section")}] {context.Require("option")} in {context.Require("file")} is not {(pin ? "set" : "removed")} after writing");
        }
    }
}
