using Uplift.Transports;

namespace Uplift.Execution;

/// <summary>
/// A step's work on one node in a form the node can carry out alone, in one round trip
/// (<see cref="StepContext.RunGuardedAsync"/>): the guard's query, what it gives when the work is done, the action, and
/// the queries that check the action's effect.
/// </summary>
public sealed record GuardedAction(string Guard, DoneWhen Done, string Action, IReadOnlyList<string> Checks);
