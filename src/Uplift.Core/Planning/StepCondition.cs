using System.Globalization;

namespace Uplift.Planning;

/// <summary>
/// A step that is needed only when an earlier step's command exited with a given code, e.g. the offline contract
/// window only when <c>neutron-db-manage has_offline_migrations</c> exited 1. Written by the planner as the argument
/// <see cref="Key"/> ("finalize/neutron/offline-check exited 1"); the executor reads the earlier step's exit code from
/// the journal (so a resume decides as the first run did) and, when it differs, ends the step as not needed without
/// touching a node.
/// </summary>
public sealed record StepCondition(string StepId, int ExitCode)
{
    public const string Key = "only-if";

    private const string Exited = " exited ";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StepId}{Exited}{ExitCode}");

    public KeyValuePair<string, string> Argument => new(Key, ToString());

    /// <summary>The step's condition; null when it has none.</summary>
    /// <exception cref="FormatException">The argument is not "STEP exited CODE".</exception>
    public static StepCondition? Of(PlanStep step)
    {
        if (step.Argument(Key) is not { } text)
        {
            return null;
        }
        var at = text.LastIndexOf(Exited, StringComparison.Ordinal);
        if (at <= 0 || !int.TryParse(text.AsSpan(at + Exited.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
        {
            throw new FormatException($"step {step.Id}: {Key} '{text}' is not 'STEP exited CODE'");
        }
        return new StepCondition(text[..at], code);
    }
}
