using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>The services' /etc directories of a node in a tarball with its sha256, on the node and copied here.</summary>
public sealed record ConfigBackupStep(EtcBackup Backup) : IStepArguments<ConfigBackupStep>
{
    public const string Name = "config-backup";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Backup.Pairs());

    public static ConfigBackupStep Read(PlanStep step) => new(EtcBackup.Read(step));
}
