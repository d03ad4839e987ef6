namespace Uplift.Planning;

/// <summary>
/// A step kind's typed arguments: the planner builds them, <see cref="Write"/> gives the pairs the plan carries (in a
/// fixed order, absent values left out) and the kind's handler reads them back with <see cref="Read"/>: keys and
/// defaults are written once, in the kind's own file.
/// </summary>
public interface IStepArguments<TSelf> where TSelf : IStepArguments<TSelf>
{
    static abstract StepKind Kind { get; }

    static abstract TSelf Read(PlanStep step);

    IReadOnlyList<KeyValuePair<string, string>> Write();
}
