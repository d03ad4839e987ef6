using System.Text.RegularExpressions;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The commands of the lab's shims that change a node or the cluster (the others only read).</summary>
internal static partial class ChangingCommands
{
    public static bool Changes(CommandLogEntry entry) => Pattern().IsMatch(entry.CommandLine);

    [GeneratedRegex(@"^(apt-get|puppet agent --disable|systemctl (start|stop|restart|try-restart|reload-or-restart|enable|disable|mask|unmask)|\S+-manage (?!.*--check).*(sync|expand|contract|migrate)|crm .*(standby|online|move|ban))")]
    private static partial Regex Pattern();
}
