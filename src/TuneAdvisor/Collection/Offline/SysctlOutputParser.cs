using TuneAdvisor.Knowledge;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Collection.Offline;

/// <summary>
/// Output of `sysctl -a` or `sysctl KEY…`: "key = value" lines. Multi-number values (tab-separated in the
/// kernel's output) are normalised to single spaces, as the live collector does. A key printed on several
/// consecutive lines (dev.cdrom.info, sunrpc.transports: the kernel file has several lines) is one value,
/// its lines joined. procps' own messages ("sysctl: permission denied on key …", "sysctl: unable to open
/// directory …", "sysctl: reading key …") are skipped with a note, never read as keys.
/// </summary>
public sealed class SysctlOutputParser : IInputParser
{
    public string Kind => "sysctl";

    public int Confidence(string text)
    {
        int kv = 0, other = 0;
        foreach (var line in InputLine.Split(text).Take(200))
        {
            if (line.Text.Trim().Length == 0 || line.Text.StartsWith("sysctl: ", StringComparison.Ordinal))
                continue;
            if (TrySplit(line.Text, out _, out _))
                kv++;
            else if (!line.IsUnterminatedLast)
                other++;
        }
        // A stray line (a paste with a prompt, a broken line) is tolerated: at most one in ten, or one in a short file.
        return kv > 0 && other <= kv / 10 + 1 && other < kv ? 90 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample) => Read(text, path, sample);

    /// <summary>Parses the text into <see cref="SampleBuilder.Sysctls"/>; returns the number of "key = value" lines read.</summary>
    public static int Read(string text, string path, SampleBuilder sample)
    {
        int kvLines = 0;
        string? runKey = null;
        List<string> runValues = new();
        int runLine = 0;

        void Flush()
        {
            if (runKey is not null)
                sample.SetSysctl(runKey, SysctlKey.NormalizeValue(string.Join('\n', runValues)), $"{path}:{runLine}");
            runKey = null;
            runValues.Clear();
        }

        foreach (var line in InputLine.Split(text))
        {
            if (line.Text.Trim().Length == 0)
                continue;
            if (line.Text.StartsWith("sysctl: ", StringComparison.Ordinal))
            {
                ToolMessage(sample, path, line);
                continue;
            }
            if (!TrySplit(line.Text, out var key, out var value))
            {
                InputNotes.Skipped(sample, path, line, "not a 'key = value' line");
                continue;
            }
            kvLines++;
            if (key != runKey)
            {
                Flush();
                runKey = key;
                runLine = line.Number;
            }
            runValues.Add(value);
        }
        Flush();
        if (kvLines > 0)
            sample.Capabilities.Add(SnapshotCapability.Sysctls);
        return kvLines;
    }

    private static void ToolMessage(SampleBuilder sample, string path, InputLine line)
    {
        var message = line.Text["sysctl: ".Length..].Trim();
        const string denied = "permission denied on key ";
        if (message.StartsWith(denied, StringComparison.Ordinal))
        {
            var key = message[denied.Length..].Trim().Trim('\'', '"');
            sample.Note(Diagnostic.Create(KnownDiagnostics.PermissionDenied, SourceSpan.At(path, line.Number), key));
            return;
        }
        InputNotes.Info(sample, path, line.Number, $"sysctl reported '{message}'; the line was skipped");
    }

    /// <summary>"net.ipv4.tcp_rmem = 4096\t131072\t6291456" → key and raw value. The key must be dotted and have no spaces.</summary>
    internal static bool TrySplit(string line, out string key, out string value)
    {
        key = value = "";
        int eq = line.IndexOf(" =", StringComparison.Ordinal);
        if (eq <= 0)
            return false;
        var k = line[..eq].Trim();
        if (k.Length == 0 || !k.Contains('.') || !char.IsAsciiLetter(k[0]))
            return false;
        foreach (var c in k)
            if (char.IsWhiteSpace(c) || c == '=')
                return false;
        int rest = eq + 2;
        if (rest < line.Length && line[rest] != ' ' && line[rest] != '\t')
            return false;
        key = k;
        value = rest < line.Length ? line[rest..] : "";
        return true;
    }
}
