namespace Uplift.Catalog;

/// <summary>
/// Whether going from one release straight to another is supported, and why.
/// Allowed: <see cref="Path"/> is that path (one hop, or none for a minor update).
/// Refused: <see cref="Explanation"/> says why and <see cref="Path"/> is the valid multi-hop
/// alternative, or null when there is none (a downgrade).
/// </summary>
public sealed record PathCheck(Release From, Release To, bool Allowed, string Explanation, UpgradePath? Path);
