namespace Uplift.Planning;

/// <summary>
/// Marks the steps of a window the plan announces as an outage of one service's API (neutron's offline contract: every
/// neutron server stopped). The argument's value is the service ("neutron"); the window runs from the first marked step's
/// start to the last one's end, in one phase. Probes count failures inside it as planned.
/// </summary>
public static class PlannedOutage
{
    public const string Key = "planned-outage";

    public static KeyValuePair<string, string> Of(string service) => new(Key, service);
}
