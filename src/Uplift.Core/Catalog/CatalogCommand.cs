namespace Uplift.Catalog;

/// <summary>A shell command the catalog names, with the meaning of its exit codes.</summary>
/// <param name="Command">The command line as run on the node, e.g. "nova-manage db online_data_migrations --max-count 1000".</param>
/// <param name="ExitCodes">Meanings of its exit codes; null means 0 = done, anything else = failure.</param>
public sealed record CatalogCommand(string Command, ExitCodes? ExitCodes = null)
{
    public ExitMeaning Meaning(int exitCode) =>
        ExitCodes?.Meaning(exitCode) ?? (exitCode == 0 ? ExitMeaning.Done : ExitMeaning.Failure);
}
