using System.Text.RegularExpressions;

namespace TuneAdvisor.Formats;

/// <summary>
/// Lines people paste along with command output that are not output: shell prompts with or without the echoed
/// command (`root@host:~# ss -nltp | awk …`, `[root@server ~]# ss -lnt`, `$sudo ss -lnt`, `#ss -lnt`, `bash-4.2# …`,
/// a bare `root@host:/opt#`), and `date` output (`Fri May  5 13:50:23 CST 2017`, localised `date` in C order, ISO
/// stamps). Parsers skip them with an Info note and may read the echoed command for what the output leaves out.
/// </summary>
public static partial class PastedNoise
{
    // user@host[:path| path]  followed by # $ or %; [user@host path]#; bash-4.2#; a bare # $ or % prompt.
    [GeneratedRegex(@"^\s*(?:[\w.-]+@[\w.-]+(?::[^\s#$%]*|\s+[^\s#$%]+)?\s*[#$%]|\[[^\]\s]+(?:\s+[^\]]*)?\][#$%]|[\w.-]+-\d+(?:\.\d+)*[#$%]|[#$%])(?<command>.*)$")]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?(?:\d{1,2}\.?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+(?:\d{1,2}\s+)?\d{1,2}:\d{2}:\d{2}(?:\s+[A-Z]{2,5}|\s+[+-]\d{4})?\s+\d{4}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?\s*$")]
    private static partial Regex IsoStamp();

    /// <summary>True for a shell prompt line; <paramref name="command"/> is what was typed after it ("" for a bare prompt).</summary>
    public static bool IsPrompt(string line, out string command)
    {
        command = "";
        var m = Prompt().Match(line);
        if (!m.Success)
            return false;
        command = m.Groups["command"].Value.Trim();
        // "# 3 sockets" or "$5" are not prompts of a shell running a command; a prompt's command starts with a word.
        return command.Length == 0 || char.IsAsciiLetter(command[0]) || command[0] is '.' or '/' or '(' or '{';
    }

    /// <summary>True for a line that is the output of `date` (C-locale order) or an ISO time stamp.</summary>
    public static bool IsDate(string line) => DateLine().IsMatch(line) || IsoStamp().IsMatch(line);
}
