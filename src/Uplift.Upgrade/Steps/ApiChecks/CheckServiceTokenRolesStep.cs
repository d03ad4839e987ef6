using Uplift.Planning;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>Every service user a planned service sends service tokens as holds one of the roles the target release's
/// keystonemiddleware requires in them (read-only: the node's config files, then keystone's role assignments).</summary>
/// <param name="Files">The config files whose [service_user] is read on the step's node.</param>
/// <param name="Roles">The roles, one of which each such user must hold on its project.</param>
/// <param name="Note">Why (the catalog's note, with its upstream source).</param>
public sealed record CheckServiceTokenRolesStep(IReadOnlyList<string> Files, IReadOnlyList<string> Roles, string Note)
    : IStepArguments<CheckServiceTokenRolesStep>
{
    public const string Name = "check-service-token-roles";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs(("files", StepArguments.Words(Files)), ("roles", StepArguments.Words(Roles)), ("note", Note));

    public static CheckServiceTokenRolesStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.RequiredWords("files"), arguments.RequiredWords("roles"), arguments.Required("note"));
    }
}
