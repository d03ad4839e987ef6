using System.Text;

namespace Uplift.Planning;

/// <summary>Kebab-case names of step kinds, as they appear in plan files and views ("haproxy-drain").</summary>
public static class StepKindNames
{
    private static readonly Dictionary<StepKind, string> Names =
        Enum.GetValues<StepKind>().ToDictionary(k => k, k => Kebab(k.ToString()));

    private static readonly Dictionary<string, StepKind> Kinds =
        Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Name(this StepKind kind) => Names[kind];

    public static bool TryParse(string name, out StepKind kind) => Kinds.TryGetValue(name, out kind);

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
