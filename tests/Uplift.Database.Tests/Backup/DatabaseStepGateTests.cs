using Uplift.Database;

namespace Uplift.Tests.Backup;

public sealed class DatabaseStepGateTests
{
    private static readonly BackupManifest Verified = BackupManifestFileTests.Manifest with { VerifiedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public void Given_a_verified_backup_of_this_run_Then_db_steps_may_start() =>
        DatabaseStepGate.MayStart(Verified, "run-7", optOut: false).MayStart.ShouldBeTrue();

    [Fact]
    public void Given_no_backup_Then_db_steps_are_refused_naming_the_command_and_the_opt_out()
    {
        var decision = DatabaseStepGate.MayStart(null, "run-7", optOut: false);

        decision.MayStart.ShouldBeFalse();
        decision.Reason.ShouldContain("uplift backup --verify");
        decision.Reason.ShouldContain(DatabaseStepGate.OptOutFlag);
    }

    [Fact]
    public void Given_an_unverified_backup_Then_db_steps_are_refused() =>
        DatabaseStepGate.MayStart(BackupManifestFileTests.Manifest, "run-7", optOut: false).MayStart.ShouldBeFalse();

    [Fact]
    public void Given_a_verified_backup_of_another_run_Then_db_steps_are_refused() =>
        DatabaseStepGate.MayStart(Verified, "run-8", optOut: false).Reason.ShouldContain("belongs to run run-7");

    [Fact]
    public void Given_the_opt_out_Then_db_steps_may_start_with_a_loud_reason()
    {
        var decision = DatabaseStepGate.MayStart(null, "run-7", optOut: true);

        decision.MayStart.ShouldBeTrue();
        decision.Reason.ShouldContain("cannot be rolled back");
    }
}
