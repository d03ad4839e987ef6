namespace Uplift.Catalog;

/// <summary>
/// The highest microversion a service's API reports in its version document (GET / on the API unit's port), per
/// release series (catalog versions.yaml). Where two series report the same, the document cannot tell them apart;
/// where they differ it says which code the API unit serves.
/// </summary>
/// <param name="Unit">The API unit that serves the document, e.g. "nova-api".</param>
/// <param name="Maxima">Series → the highest microversion, e.g. epoxy → "2.100".</param>
public sealed record ApiMicroversions(string Unit, IReadOnlyDictionary<string, string> Maxima);
