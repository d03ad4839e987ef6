namespace Uplift.Transports;

/// <summary>What a local child process did; <paramref name="Killed"/> means it ran past its deadline.</summary>
public sealed record ChildOutcome(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, bool Killed);
