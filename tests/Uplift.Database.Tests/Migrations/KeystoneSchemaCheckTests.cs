using Uplift.Catalog;
using Uplift.Database;

namespace Uplift.Tests.Migrations;

public sealed class KeystoneSchemaCheckTests
{
    [Theory]
    [InlineData(0, ExitMeaning.Done, "up to date")]
    [InlineData(2, ExitMeaning.ExpandNeeded, "--expand")]
    [InlineData(4, ExitMeaning.ContractNeeded, "--contract")]
    [InlineData(1, ExitMeaning.Failure, "failed (exit 1)")]
    [InlineData(3, ExitMeaning.Failure, "failed (exit 3)")]
    public void Given_the_exit_code_of_db_sync_check_Then_the_meaning_and_advice_follow_keystone(int code, ExitMeaning meaning, string advice)
    {
        KeystoneSchemaCheck.ExitCodes.Meaning(code).ShouldBe(meaning);
        KeystoneSchemaCheck.Advice(code).ShouldContain(advice);
    }
}
