using System.Text.RegularExpressions;

namespace Uplift.Planning;

/// <summary>
/// What a step does, by the name plan files and views carry (lower-case words joined by '-'). Each kind is defined once, beside its
/// typed arguments and its handler, in the step family that carries it out (<c>src/Uplift.Upgrade/Steps/*/</c>); the
/// plan carries only the name. <see cref="Milestone"/> belongs to the plan itself: the engine passes it.
/// </summary>
public readonly partial record struct StepKind
{
    public StepKind(string name)
    {
        if (!IsName(name))
        {
            throw new ArgumentException($"a step kind is named in lower-case words joined by '-', not '{name}'", nameof(name));
        }
        Name = name;
    }

    public string Name { get; }

    /// <summary>A barrier with no action: "everything before this is done" (keeps the DAG small).</summary>
    public static StepKind Milestone { get; } = new("milestone");

    /// <summary>Lower-case words joined by '-': the form of a kind's name in a plan file.</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    public override string ToString() => Name;

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex NamePattern();
}
