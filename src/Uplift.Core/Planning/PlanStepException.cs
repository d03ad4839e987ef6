namespace Uplift.Planning;

/// <summary>A step whose arguments are not what its kind needs (a plan from another uplift, or edited): the step fails
/// with this message, naming the step, and nothing is run for it.</summary>
public sealed class PlanStepException(string message) : Exception(message);
