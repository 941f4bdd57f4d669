using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Socket lists from `ss` in all its layouts: -lnt, -ltnp, -tanp, -tanpi, -peaonmi …, with or without the Netid and
/// State columns, old (iproute2 4.x) and new spacing, IPv6 in brackets with %scope, several processes in users:((…)), and
/// continuation lines (tab-indented) for -i/-m/-e. Only tcp, udp and UNIX stream/seqpacket listeners become records:
/// TCP LISTEN rows are listeners whose Recv-Q is the accept queue and Send-Q the backlog limit (ss reads sock_diag),
/// UDP UNCONN rows are UDP listeners (queues in bytes), other TCP/UDP rows are connections. Netlink, raw, packet and
/// UNIX datagram/connected rows are read and ignored. What people paste around the output — prompts and echoed
/// commands, `date` lines, annotations after a row, a last row cut mid-line — is skipped or read as far as it goes,
/// with a note (<see cref="SsRecords"/> turns rows into records).
/// </summary>
public sealed class SsSocketParser : ILineInputParser
{
    public string Kind => "ss";

    public int Confidence(string text)
    {
        int rows = 0, other = 0, lines = 0;
        foreach (var line in InputLine.Split(text).Take(100))
        {
            var t = line.Text;
            if (t.Trim().Length == 0 || PastedNoise.IsPrompt(t, out _) || PastedNoise.IsDate(t))
                continue;
            if (++lines <= 3 && IsHeader(t))
                return 95;
            if (char.IsWhiteSpace(t[0]) && rows > 0)
                continue;
            var tokens = SsTokenizer.Split(t, out _);
            if (SsRow.TryParse(tokens, line.IsUnterminatedLast, line.IsUnterminatedLast, out _) is not null)
                rows++;
            else
                other++;
        }
        return rows > 0 && other <= rows / 10 ? 70 : 0;
    }

    /// <summary>
    /// ss's header, also as blogs damage it ("Recv-Q Send-QLocal Address:Port", "Peer Address:PortProcess"): "Peer"
    /// (netstat says "Foreign") with "Recv-Q" or "Local"; "Netid"/"State" tell those columns.
    /// </summary>
    private static bool IsHeader(string line) =>
        line.Contains("Peer", StringComparison.Ordinal)
        && (line.Contains("Recv-Q", StringComparison.Ordinal) || line.Contains("Local", StringComparison.Ordinal));

    public void Parse(string text, string path, SampleBuilder sample) => Parse(InputLine.Split(text), path, sample);

    public void Parse(IEnumerable<InputLine> lines, string path, SampleBuilder sample)
    {
        var records = new SsRecords(path, sample);
        SsRow? last = null;
        bool attachToSkipped = false, headerHasState = false, sawRow = false, lastComplete = true;
        InputLine lastLine = default;
        void Flush()
        {
            if (last is not null)
                records.Add(lastLine, last, lastComplete);
            last = null;
        }
        foreach (var line in lines)
        {
            var content = line.Text;
            if (content.Trim().Length == 0)
                continue;
            if (IsHeader(content))
            {
                Flush();
                headerHasState = content.TrimStart().StartsWith("State", StringComparison.Ordinal) || content.Contains(" State ", StringComparison.Ordinal);
                attachToSkipped = true;
                continue;
            }
            if (PastedNoise.IsPrompt(content, out var typed))
            {
                Flush();
                records.Command = EchoedSocketCommand.TryParse(typed);
                InputNotes.Info(sample, path, line.Number, typed.Length == 0 ? "a shell prompt, not ss output: skipped"
                    : $"a shell prompt with the command '{Shorten(typed)}', not ss output: skipped{(records.Command is null ? "" : "; its options are read for the columns ss left out")}");
                attachToSkipped = true;
                continue;
            }
            if (PastedNoise.IsDate(content))
            {
                InputNotes.Info(sample, path, line.Number, "a `date` line, not ss output: skipped");
                continue;
            }
            var tokens = SsTokenizer.Split(content, out bool balanced);
            bool cut = line.IsUnterminatedLast && !char.IsWhiteSpace(content[^1]);
            if (char.IsWhiteSpace(content[0]) && !SsRow.StartsLikeRow(tokens))
            {
                if (last is not null && !attachToSkipped)
                {
                    bool complete = balanced && (!cut || DropCutWord(tokens));
                    last.Details.AddRange(tokens);
                    lastComplete = lastComplete && complete;
                    if (!complete)
                        InputNotes.Truncated(sample, path, line, "a cut continuation line");
                }
                else if (!attachToSkipped)
                    InputNotes.Skipped(sample, path, line, "a continuation line with no socket row before it");
                continue;
            }
            Flush();
            var row = SsRow.TryParse(tokens, line.IsUnterminatedLast, cut, out var why);
            attachToSkipped = row is null;
            if (row is null)
            {
                InputNotes.Skipped(sample, path, line, why);
                continue;
            }
            if (headerHasState && row.State is null && !sawRow && row.Netid is null)
            {
                row = row with { RecvQAtLeast = true };
                InputNotes.Info(sample, path, line.Number,
                    "the first row has no State column although the header has one: the paste starts inside the row, so its state is unknown and its Recv-Q may have lost leading digits (read as a lower bound)");
            }
            sawRow = true;
            bool detailsComplete = balanced && (!cut || row.Peer is null || row.Details.Count == 0 || DropCutWord(row.Details));
            (last, lastLine, lastComplete) = (row, line, detailsComplete && !row.Truncated);
            if (!lastComplete)
                InputNotes.Truncated(sample, path, line, row.Truncated ? $"a socket row cut after {Readable(row)}" : "a socket row cut in its details");
        }
        Flush();
        records.Finish();
    }

    /// <summary>What a cut row still holds, for its note.</summary>
    private static string Readable(SsRow row)
    {
        var parts = new List<string>();
        if (row.State is not null) parts.Add($"State {row.State}");
        if (row.RecvQ is { } r) parts.Add($"Recv-Q {(row.RecvQAtLeast ? "≥" : "")}{r}");
        if (row.SendQ is { } s) parts.Add($"Send-Q {(row.SendQAtLeast ? "≥" : "")}{s}");
        if (row.Local is not null) parts.Add(row.LocalCut ? $"the start of the local address '{row.Local}'" : $"local {row.Local}");
        if (row.Peer is not null) parts.Add(row.PeerCut ? $"the start of the peer '{row.Peer}'" : $"peer {row.Peer}");
        return string.Join(", ", parts) + (row.Peer is null ? "; the rest of the row is missing" : "");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>
    /// On the unterminated last line of a cut paste the last plain word may be partial ("ino:2406" of "ino:24067"), so it is
    /// dropped; a group that is still open is kept (its complete parts are read). Returns false when something was cut.
    /// </summary>
    private static bool DropCutWord(List<string> details)
    {
        if (details.Count == 0)
            return true;
        var word = details[^1];
        if (word.EndsWith(')') || word.Contains('('))
            return !word.Contains('(') || word.EndsWith(')');
        details.RemoveAt(details.Count - 1);
        return false;
    }
}
