using Uplift.Upgrade.Steps.Compute;
namespace Uplift.Upgrade.Steps;

/// <summary>What some step families need from the run besides the nodes.</summary>
/// <param name="Cloud">The OpenStack APIs (compute dance, service checks, smoke test); null leaves those kinds unbound.</param>
/// <param name="Backups">Where the plan's backups are kept on this machine (state directory/backups/cluster); null leaves
/// the backup and restore kinds unbound.</param>
public sealed record StepServices(ComputeCloud? Cloud = null, string? Backups = null);
