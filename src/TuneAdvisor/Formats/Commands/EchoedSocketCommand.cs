
namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// An `ss` or `netstat` command line echoed in a paste (`root@h:~# sudo ss -tan state close-wait | grep …`): what it
/// tells about the columns its output leaves out. ss omits the State column when its filter leaves one state
/// (misc/ss.c: `if (!(current_filter.states &amp; (current_filter.states - 1))) columns[COL_STATE].disabled = 1`), and
/// the Netid column when it leaves one protocol, so the command is where that state and protocol are written.
/// </summary>
public sealed record EchoedSocketCommand(string Tool, bool Listening, bool Tcp, bool Udp, string? State)
{
    /// <summary>The command of a prompt line when it runs ss or netstat (first stage of a pipeline; after sudo, watch …).</summary>
    public static EchoedSocketCommand? TryParse(string command)
    {
        var stage = command.Split('|')[0];
        var words = stage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int i = 0;
        while (i < words.Length && words[i] is "sudo" or "watch" or "env" or "time" or "-n" or "-d" || (i < words.Length && words[i].Contains('=')))
            i++;
        if (i >= words.Length)
            return null;
        var tool = Path.GetFileName(words[i]);
        if (tool is not ("ss" or "netstat"))
            return null;
        bool listening = false, tcp = false, udp = false;
        string? state = null;
        for (int w = i + 1; w < words.Length; w++)
        {
            var word = words[w];
            if (word == "state" && tool == "ss" && w + 1 < words.Length)
            {
                state = SsStateName(words[++w]);
                continue;
            }
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                listening |= word is "--listening";
                tcp |= word is "--tcp";
                udp |= word is "--udp";
                continue;
            }
            if (word.StartsWith('-'))
            {
                listening |= word.Contains('l');
                tcp |= word.Contains('t');
                udp |= word.Contains('u');
            }
        }
        return new EchoedSocketCommand(tool, listening, tcp, udp, state);
    }

    /// <summary>The one protocol the command lists, or null when it names none or several.</summary>
    public string? OnlyProtocol => Tcp == Udp ? null : Tcp ? "tcp" : "udp";

    /// <summary>ss's state filter names ("close-wait", "established", "listening", "closed" …) in ss's row spelling; null for groups ("connected", "all").</summary>
    private static string? SsStateName(string word) =>
        word.Trim('\'', '"').ToLowerInvariant() switch
        {
            "listening" => SocketStates.Listen,
            "closed" => SocketStates.Unconnected,
            var w when SocketStates.Normalize(w) is { } s => s,
            _ => null,
        };
}
