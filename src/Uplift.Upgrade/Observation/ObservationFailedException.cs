namespace Uplift.Upgrade.Observation;

/// <summary>Uplift could not read what some nodes run (unreachable, a command failed): nothing was changed.</summary>
public sealed class ObservationFailedException(string message) : Exception(message);
