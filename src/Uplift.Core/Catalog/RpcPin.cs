namespace Uplift.Catalog;

/// <summary>An RPC version pin set on controllers during the transition and removed once every node is new
/// (e.g. nova.conf [upgrade_levels] compute = auto).</summary>
public sealed record RpcPin(string File, string Section, string Option, string Value);
