using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// One content line of a /proc table (/proc/net/dev, netstat, snmp, snmp6, sockstat, softnet_stat, tcp, udp, unix,
/// stat/nf_conntrack), as every parser of these files reads them: <see cref="Read"/> is the one place that splits the
/// text into lines, so they all agree on numbering, blank lines and where a capture was cut.
/// Each table's show function ends every row it prints with '\n' (seq_printf(), K:fs/seq_file.c; e.g.
/// dev_seq_printf_stats() in K:net/core/net-procfs.c), so in a live read every row is terminated. A copy may not be:
/// a paste or a `head -c` stops where it stops. Two facts say what a cut may have cost: <see cref="IsLastContent"/>
/// (no row follows, so a short row here is the cut, not a malformed row) and <see cref="IsUnterminated"/> (no line
/// break follows, so the last word may be only the start of what the kernel printed; see <see cref="EndsMidWord"/>).
/// </summary>
/// <param name="Span">The line's place in its file: 1-based line number, counting blank lines, column 1.</param>
/// <param name="Text">The line without its line break and without any trailing '\r' (a copy made on Windows).</param>
/// <param name="IsLastContent">No line with content follows (blank lines may).</param>
/// <param name="IsUnterminated">The text ends inside this line: no '\n' follows it.</param>
public readonly record struct ProcTableLine(SourceSpan Span, string Text, bool IsLastContent, bool IsUnterminated)
{
    /// <summary>
    /// The lines of <paramref name="text"/> that hold something other than whitespace, in file order. Blank lines are
    /// left out but still counted, so spans name the line an editor shows; "\r\n" line breaks are accepted.
    /// </summary>
    public static List<ProcTableLine> Read(string text, string path)
    {
        var lines = new List<ProcTableLine>();
        int start = 0;
        for (int number = 1; ; number++)
        {
            int end = text.IndexOf('\n', start);
            bool unterminated = end < 0;
            if (unterminated)
                end = text.Length;
            if (!text.AsSpan(start, end - start).IsWhiteSpace())
                lines.Add(new ProcTableLine(SourceSpan.At(path, number), text[start..end].TrimEnd('\r'), false, unterminated));
            if (unterminated)
                break;
            start = end + 1;
        }
        if (lines.Count > 0)
            lines[^1] = lines[^1] with { IsLastContent = true };
        return lines;
    }

    /// <summary>
    /// The text stops inside this line's last word ("… 12" of "… 1234"): that word is a prefix of what the kernel
    /// printed, not a value to keep. A line cut right after a space lost whole words at most, none in part.
    /// </summary>
    public bool EndsMidWord => IsUnterminated && !char.IsWhiteSpace(Text[^1]);

    /// <summary>"path:line", the provenance string records carry (as <see cref="InputLine.Source"/> gives it).</summary>
    public string Source => $"{Span.Path}:{Span.Line}";

    /// <summary>The whitespace-separated words of the line. The kernel pads columns to line them up, so a run of
    /// whitespace, however long, separates two words.</summary>
    public string[] Words() => Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words after <paramref name="start"/>, e.g. after a row's "name:" prefix.</summary>
    public string[] Words(int start) => Text[start..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
