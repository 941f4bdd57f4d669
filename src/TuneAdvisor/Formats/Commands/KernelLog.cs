using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Kernel log text as people paste it: `dmesg` ("[38775494.392631] msg"), `dmesg -T` ("[Fri Feb 23 16:44:36 2018] msg"),
/// `dmesg -x` ("kern  :warn  : [ 12.3] msg"), syslog and `journalctl -k` ("Feb 23 16:44:36 host kernel: msg", also with an
/// ISO timestamp), and a first line cut before its start ("obs kernel: [3877.1] msg"). A line without such a prefix
/// continues the message before it (a message wrapped by the poster or a mail client), so it is counted once.
/// </summary>
public static partial class KernelLog
{
    /// <summary>One message: its text (continuation lines joined by a space) and its first and last line.</summary>
    public sealed record Message(string Text, int FirstLine, int LastLine);

    /// <summary>The messages in file order, the number of lines, and the continuation lines (joined to the message before them).</summary>
    public sealed record Result(ImmutableArray<Message> Messages, int LineCount, ImmutableArray<int> ContinuationLines, ImmutableArray<int> OrphanLines);

    [GeneratedRegex(@"^\s*(?:\[\s*\d+\.\d+\]|\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\]|(?:kern|user|daemon|syslog)\s*:\s*\w+\s*:|(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S*)\s+\S+\s+kernel:)|\bkernel:\s+\[\s*\d+\.\d+\]")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"(?:nf_|ip_)conntrack:\s+(?:nf_conntrack:\s+)?table\s+full,\s+dropping\s+packet")]
    private static partial Regex ConntrackTableFull();

    public static bool IsLogLine(string line) => Prefix().IsMatch(line);

    /// <summary>True when the message is the kernel's "nf_conntrack: table full, dropping packet" (or ip_conntrack's, before 2.6.15).</summary>
    public static bool IsConntrackTableFull(Message message) => ConntrackTableFull().IsMatch(message.Text);

    public static Result Read(string text)
    {
        var messages = new List<Message>();
        var continuations = ImmutableArray.CreateBuilder<int>();
        var orphans = ImmutableArray.CreateBuilder<int>();
        int count = 0;
        foreach (var line in InputLine.Split(text))
        {
            count++;
            var t = line.Text.Trim();
            if (t.Length == 0 || CommandEcho.IsEcho(line.Text))
                continue;
            if (IsLogLine(line.Text))
                messages.Add(new Message(t, line.Number, line.Number));
            else if (messages.Count > 0)
            {
                var last = messages[^1];
                messages[^1] = last with { Text = last.Text + " " + t, LastLine = line.Number };
                continuations.Add(line.Number);
            }
            else
                orphans.Add(line.Number);
        }
        return new Result([.. messages], count, continuations.ToImmutable(), orphans.ToImmutable());
    }
}
