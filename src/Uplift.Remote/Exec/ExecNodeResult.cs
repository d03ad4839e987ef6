using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Exec;

/// <summary>How a node ended under `uplift exec`.</summary>
public enum ExecStatus
{
    Ok,
    Failed,
    TimedOut,
    Unreachable,
    Error,
}

/// <summary>One node's result of `uplift exec`: the command's result, or why it could not run.</summary>
public sealed record ExecNodeResult(Node Node, ExecStatus Status, CommandResult? Command, string? Problem, TimeSpan Elapsed)
{
    public bool Succeeded => Status == ExecStatus.Ok;

    public static ExecNodeResult From(NodeOutcome<CommandResult> outcome)
    {
        if (outcome.Result is not { } result)
        {
            return new ExecNodeResult(outcome.Node, ExecStatus.Error, null, outcome.Error?.Message ?? "no result", outcome.Elapsed);
        }
        var status = result switch
        {
            { Unreachable: true } => ExecStatus.Unreachable,
            { TimedOut: true } => ExecStatus.TimedOut,
            { ExitCode: 0 } => ExecStatus.Ok,
            _ => ExecStatus.Failed,
        };
        return new ExecNodeResult(outcome.Node, status, result, Reason(status, result), result.Elapsed);
    }

    private static string? Reason(ExecStatus status, CommandResult result) => status switch
    {
        ExecStatus.Ok => null,
        ExecStatus.Unreachable => FirstLine(result.StandardError)?.Replace("uplift: ", "", StringComparison.Ordinal) ?? "unreachable",
        ExecStatus.TimedOut => $"ended after its timeout ({result.Elapsed.TotalSeconds:0.#} s)",
        _ => $"exit {result.ExitCode}" + (LastLine(result.StandardError) is { } last ? $": {last}" : ""),
    };

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
