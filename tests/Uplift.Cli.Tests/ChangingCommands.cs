using System.Text.RegularExpressions;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The commands of the lab's shims that change a node or the cluster (the others only read; an apt-get update into
/// a sandbox's own lists directory, as the target repository check runs it, changes nothing of the node's).</summary>
internal static partial class ChangingCommands
{
    public static bool Changes(CommandLogEntry entry) => Pattern().IsMatch(entry.CommandLine);

    [GeneratedRegex(@"^(apt-get(?!.*Dir::State::Lists=)|puppet agent --disable|systemctl (start|stop|restart|try-restart|reload-or-restart|enable|disable|mask|unmask)|\S+-manage (?!.*--check).*(sync|expand|contract|migrate)|crm .*(standby|online|move|ban))")]
    private static partial Regex Pattern();
}
