using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>Extracts a node's /etc backup tarball back in place, its sha256 checked first.</summary>
public sealed record ConfigRestoreStep(EtcBackup Backup) : IStepArguments<ConfigRestoreStep>
{
    public const string Name = "config-restore";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("node-directory", Backup.NodeDirectory), ("name", Backup.FileName), ("directories", StepArguments.Words(Backup.Directories)));

    public static ConfigRestoreStep Read(PlanStep step) => new(EtcBackup.Read(step));
}
