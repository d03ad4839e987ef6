namespace Uplift.Inventory.Ansible;

/// <summary>A setting the Ansible inventory did not give, filled with Uplift's documented default.</summary>
/// <param name="Key">Native inventory key, e.g. <c>pacemaker.api_vip</c>.</param>
/// <param name="Value">The value written.</param>
/// <param name="Check">What the operator should check or change if the default is wrong.</param>
public sealed record FilledDefault(string Key, string Value, string Check)
{
    public override string ToString() => $"{Key} = {Value} ({Check})";
}
