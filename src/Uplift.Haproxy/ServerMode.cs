namespace Uplift.Haproxy;

/// <summary>The admin states <c>set server BE/SRV state …</c> accepts (haproxy doc/management.txt).</summary>
public enum ServerMode
{
    /// <summary>ready: back in rotation (clears forced maintenance and drain).</summary>
    Ready,

    /// <summary>drain: no new traffic; sessions in flight (and persistent ones) continue.</summary>
    Drain,

    /// <summary>maint: out of service; health checks stop.</summary>
    Maintenance,
}
