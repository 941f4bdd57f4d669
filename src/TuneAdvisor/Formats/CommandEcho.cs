using System.Text;
using System.Text.RegularExpressions;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats;

/// <summary>
/// Shell prompts and echoed commands that people paste along with a command's output ("$ netstat -i",
/// "[root@db1 ~]# cat /proc/net/softnet_stat", "user@host:~$ sudo nstat -j", or the bare command "nstat -j").
/// Recognised only when the command is one of the tools whose output the offline parsers read, so a data line is
/// never mistaken for a prompt. Parsers skip such lines with an info note.
/// </summary>
public static partial class CommandEcho
{
    /// <summary>An optional prompt ("$", "#", "%", "&gt;", optionally after "[user@host dir]" or "user@host:dir"), optional sudo,
    /// then a known command word followed by a space or the end of the line.</summary>
    [GeneratedRegex(@"^\s*(?:(?:\[[^\]\r\n]{1,80}\]|[\w.-]+@[\w.-]+(?::[^\s$#%>]*)?)?\s*[$#%>]\s*)?(?:sudo\s+)?(?:/\S*/)?(?:cat|ss|netstat|nstat|ip|ifconfig|sysctl|dmesg|journalctl|busybox|grep|egrep|awk|head|tail|less|more|watch|uname)(?:\s|$)")]
    private static partial Regex Echo();

    /// <summary>True when the line is a prompt or an echoed command of a known tool.</summary>
    public static bool IsEcho(string line) => line.Length < 400 && Echo().IsMatch(line);

    /// <summary>
    /// The text with every echoed-command line blanked (line numbers stay), and an info note for each one, so parsers
    /// that read by line never see them.
    /// </summary>
    public static string Blank(string text, string path, SampleBuilder sample)
    {
        if (!InputLine.Split(text).Any(l => IsEcho(l.Text)))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var line in InputLine.Split(text))
        {
            if (IsEcho(line.Text))
                Note(sample, path, line);
            else
                builder.Append(line.Text);
            if (!line.IsUnterminatedLast)
                builder.Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>The info note for one skipped prompt or echoed command line.</summary>
    public static void Note(SampleBuilder sample, string path, InputLine line) =>
        InputNotes.Info(sample, path, line.Number, $"'{line.Text.Trim()}' is a shell prompt or an echoed command, not output; skipped");
}
