namespace Uplift.Haproxy;

/// <summary>
/// Splits the reply to several commands sent on one line. HAProxy ends the output of every command with an empty line
/// and makes sure no command prints one of its own (haproxy doc/management.txt §9.3 "Unix Socket commands"), so the
/// replies are the runs of text up to and including each empty line, each exactly what the command alone would have
/// answered: "\n" for a successful action, "No such server.\n\n" for a refusal, a listing and its empty line.
/// Checked against /usr/sbin/haproxy 2.6.12: a refused or unknown command does not stop the next ones.
/// </summary>
internal static class BatchReply
{
    /// <exception cref="FormatException">The reply does not hold exactly <paramref name="commands"/> complete replies.</exception>
    public static IReadOnlyList<string> Split(string reply, int commands)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(commands);
        var replies = new List<string>(commands);
        var start = 0;
        for (var line = 0; line < reply.Length;)
        {
            var end = reply.IndexOf('\n', line);
            if (end < 0)
            {
                break;
            }
            if (end == line)
            {
                replies.Add(reply[start..(end + 1)]);
                start = end + 1;
            }
            line = end + 1;
        }
        var complete = start == reply.Length;
        if (!complete && replies.Count < commands)
        {
            throw new FormatException(
                $"the reply to command {replies.Count + 1} of {commands} has no end (no empty line): was the connection cut?");
        }
        if (replies.Count != commands || !complete)
        {
            throw new FormatException(replies.Count < commands
                ? $"HAProxy answered {replies.Count} of {commands} commands: was the connection cut?"
                : $"HAProxy sent more than {commands} replies to {commands} commands");
        }
        return replies;
    }
}
