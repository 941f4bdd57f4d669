using System.Text.RegularExpressions;

namespace TuneAdvisor.Formats;

/// <summary>What a line that is not command output is, in a paste of a terminal session.</summary>
public enum PastedLineKind
{
    /// <summary>Not recognised as paste noise: the parser reads it.</summary>
    Output,
    /// <summary>A shell prompt, with or without the command typed after it ("[root@server ~]# date; netstat -s", "$ ss -lnt", "host:~ # ").</summary>
    Prompt,
    /// <summary>An echoed command without a prompt ("netstat -s | egrep 'listen|LISTEN'").</summary>
    Command,
    /// <summary>`date` output.</summary>
    Date,
}

/// <summary>
/// Recognises the lines users paste along with command output: shell prompts, echoed commands and `date` lines. A
/// prompt is a user@host, [user@host dir] or host:dir prefix, or nothing, followed by '#', '$', '%' or '&gt;' and a
/// command (or nothing); an echoed command starts with the name of a tool that prints network statistics or is
/// piped into them. Output lines of netstat, ss and nstat never start like that.
/// </summary>
public static partial class PastedLine
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "netstat", "ss", "nstat", "date", "cat", "grep", "egrep", "fgrep", "watch", "sudo", "sleep", "for", "while", "do",
        "done", "echo", "uptime", "hostname", "uname", "sysctl", "ip", "awk", "sort", "head", "tail", "less", "more", "dmesg",
        "journalctl", "busybox", "wc", "sar", "ifconfig", "ethtool", "lsof", "tee", "clear", "exit", "ssh",
    };

    // "[root@server ~]# cmd", "root@host:~# cmd", "user@host:/tmp$ cmd", "host:~ # cmd", "$ cmd", "# cmd", "> cmd", "bash-4.2$ cmd".
    [GeneratedRegex(@"^(?:\[[^\]]*\]\s?|[\w.-]+@[\w.-]+(?::\S*)?\s?|[\w.-]+:\S*\s|[\w.-]+-\d+(?:\.\d+)*)?[#$%>](?:\s+(?<cmd>.*))?$")]
    private static partial Regex PromptLine();

    public static PastedLineKind Classify(string line, out DateTimeOffset? time)
    {
        time = null;
        var t = line.Trim();
        if (t.Length == 0)
            return PastedLineKind.Output;
        if (PromptLine().Match(t) is { Success: true } m && (!m.Groups["cmd"].Success || StartsWithCommand(m.Groups["cmd"].Value) || t[0] != '#'))
            return PastedLineKind.Prompt;
        if (StartsWithCommand(t))
            return PastedLineKind.Command;
        if (DateLine.TryRead(t, out time))
            return PastedLineKind.Date;
        return PastedLineKind.Output;
    }

    /// <summary>"netstat -s | grep listen", "date; netstat -s", "sudo netstat -s": a known tool name, then nothing, an option, a pipe or ';'.</summary>
    private static bool StartsWithCommand(string text)
    {
        var t = text.TrimStart();
        int end = 0;
        while (end < t.Length && (char.IsAsciiLetterOrDigit(t[end]) || t[end] is '-' or '_'))
            end++;
        if (end == 0 || !Commands.Contains(t[..end]))
            return false;
        var rest = t[end..].TrimStart();
        // "echo replies: 5" (an ICMP histogram line) is output: a command's arguments have no "word: number".
        return rest.Length == 0 || rest[0] is '-' or '|' or ';' or '&' or '>' or '\'' or '"' || t[end] == ' ' && !rest.Contains(':');
    }
}
