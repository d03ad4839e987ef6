using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Uplift.Cli.Commands;

/// <summary>
/// `uplift man-page` (hidden; scripts/package calls it): uplift(1) in troff, made from the commands' own help — every
/// command, its arguments and options with their descriptions — so the page never says other than `--help` does.
/// </summary>
internal static class ManPageCommand
{
    public static IEnumerable<Command> Create()
    {
        var command = new Command("man-page", "Print the uplift(1) manual page (troff), made from the commands' help.") { Hidden = true };
        command.SetAction(parse =>
        {
            var root = parse.RootCommandResult.Command;
            parse.InvocationConfiguration.Output.Write(Render(root, Version(), DateTime.UtcNow));
            return UpliftCommandLine.Success;
        });
        return [command];
    }

    public static string Render(Command root, string version, DateTime date)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $".TH UPLIFT 1 \"{date:yyyy-MM-dd}\" \"uplift {Escape(version)}\" \"User Commands\"\n");
        page.Append(".SH NAME\nuplift \\- plan and carry out OpenStack release upgrades over SSH\n");
        page.Append(".SH SYNOPSIS\n.B uplift\n.I COMMAND\n[\\fIOPTIONS\\fR]\n");
        page.Append(".SH DESCRIPTION\n").Append(Escape(root.Description ?? "")).Append('\n');
        page.Append(".PP\nExit codes: 0 success, 1 an operation failed on a node, 2 bad input (nothing was changed on any node), 130 interrupted.\n");
        page.Append(".SH COMMANDS\n");
        foreach (var (words, command) in Commands(root, "uplift"))
        {
            page.Append(".SS \"").Append(Escape(words)).Append(string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $" {a.Name}"))).Append("\"\n");
            page.Append(Escape(command.Description ?? "")).Append('\n');
            foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            {
                page.Append(".TP\n\\fI").Append(Escape(argument.Name)).Append("\\fR\n").Append(Escape(argument.Description ?? "")).Append('\n');
            }
            foreach (var option in command.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "--version")))
            {
                var names = string.Join(", ", option.Aliases.Prepend(option.Name).OrderByDescending(n => n.Length).Select(n => $"\\fB{Escape(n)}\\fR"));
                page.Append(".TP\n").Append(names).Append('\n').Append(Escape(option.Description ?? "")).Append('\n');
            }
        }
        page.Append(".SH FILES\n.TP\n~/.local/state/uplift\nJournals, locks, run logs and backups, one set per cluster ($UPLIFT_STATE_DIR or --state-dir elsewhere).\n");
        page.Append(".SH SEE ALSO\n.BR ssh (1),\n.BR ssh_config (5),\n.BR haproxy (1)\n");
        return page.ToString();
    }

    /// <summary>Every visible command under <paramref name="command"/> with the words that name it, depth first.</summary>
    private static IEnumerable<(string Words, Command Command)> Commands(Command command, string words)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            var named = $"{words} {sub.Name}";
            if (sub.Action is not null)
            {
                yield return (named, sub);
            }
            foreach (var nested in Commands(sub, named))
            {
                yield return nested;
            }
        }
    }

    /// <summary>Text safe in troff: backslashes and hyphens escaped, a line never starting as a request.</summary>
    internal static string Escape(string text)
    {
        var escaped = text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
        return string.Join('\n', escaped.Split('\n').Select(line => line.StartsWith('.') || line.StartsWith('\'') ? "\\&" + line : line));
    }

    private static string Version() =>
        typeof(ManPageCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
}
