using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Puts a server back (state ready) in one backend in every controller's HAProxy, once its API
/// answered.</summary>
public sealed record HaproxyEnableStep
{
    public const string Name = "haproxy-enable";

    public static StepKind Kind { get; } = new(Name);
}
