using System.Text.RegularExpressions;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// Output of `sysctl -a` or `sysctl KEY…`: "key = value" lines. Multi-number values (tab-separated in the
/// kernel's output) are normalised to single spaces, as the live collector does. A key printed on several
/// consecutive lines (dev.cdrom.info, sunrpc.transports: the kernel file has several lines) is one value,
/// its lines joined. procps' own messages ("sysctl: permission denied on key …", "sysctl: unable to open
/// directory …", "sysctl: reading key …"), procps 3.2's "error: …" lines (`sysctl -p` as a user, unknown keys) and
/// `sysctl --system`'s "* Applying …" lines are skipped with a note, never read as keys: a key named only in such a line
/// is unknown.
/// </summary>
public sealed partial class SysctlOutputParser : IInputParser
{
    public string Kind => "sysctl";

    public int Confidence(string text)
    {
        int kv = 0, messages = 0, other = 0;
        foreach (var line in InputLine.Split(text).Take(200))
        {
            if (line.Text.Trim().Length == 0 || CommandEcho.IsEcho(line.Text))
                continue;
            if (TrySplit(line.Text, out _, out _))
                kv++;
            else if (IsToolMessage(line.Text))
                messages++;
            else if (!line.IsUnterminatedLast)
                other++;
        }
        // A stray line (a paste with a prompt, a broken line) is tolerated: at most one in ten, or one in a short file.
        // procps' own messages may outnumber the values (`sysctl -p` as a user), but a file of messages alone needs two.
        int known = kv + messages;
        return (kv > 0 || messages >= 2) && other <= known / 10 + 1 && other < known ? 90 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample) => Read(text, path, sample);

    /// <summary>Parses the text into <see cref="SampleBuilder.Sysctls"/>; returns the number of "key = value" lines read.</summary>
    public static int Read(string text, string path, SampleBuilder sample) => Read(text, path, sample, out _);

    /// <summary>As <see cref="Read(string, string, SampleBuilder)"/>; <paramref name="messageLines"/> counts procps' own
    /// "sysctl: …", "error: …" and "warning: …" lines (none of which sets a key).</summary>
    public static int Read(string text, string path, SampleBuilder sample, out int messageLines)
    {
        int kvLines = 0;
        messageLines = 0;
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
            if (CommandEcho.IsEcho(line.Text))
            {
                CommandEcho.Note(sample, path, line);
                continue;
            }
            if (IsToolMessage(line.Text))
            {
                if (!line.Text.TrimStart().StartsWith('*'))
                    messageLines++;
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

    /// <summary>procps' messages: "sysctl: …" (procps-ng), "error: …" / "warning: …" (procps 3.2), busybox's "sysctl: error: …",
    /// and `sysctl --system`'s "* Applying /etc/sysctl.d/… ..." lines.</summary>
    private static bool IsToolMessage(string line)
    {
        var t = line.TrimStart();
        return t.StartsWith("sysctl: ", StringComparison.Ordinal) || t.StartsWith("error: ", StringComparison.Ordinal)
            || t.StartsWith("warning: ", StringComparison.Ordinal) || t.StartsWith("* Applying ", StringComparison.Ordinal);
    }

    // procps 3.2 (sysctl.c ERR_*): error: permission denied on key '%s' | error: "%s" is an unknown key |
    // error: "%s" setting key "%s" | error: "%s" reading key "%s". procps-ng: sysctl: permission denied on key '%s' (3.3) or
    // "%s" (4.0) | sysctl: cannot stat /proc/sys/%s: %s | sysctl: setting key "%s": %s | sysctl: reading key "%s".
    [GeneratedRegex(@"permission denied on key ['""]?(?<key>[^'""\s]+)")]
    private static partial Regex Denied();

    [GeneratedRegex(@"^[""'](?<key>[^""']+)[""'] is an unknown key|(?:setting|reading) key [""'](?<key>[^""']+)[""']|cannot stat (?:/proc/sys/)?(?<path>[^:\s]+)")]
    private static partial Regex KeyNamed();

    private static void ToolMessage(SampleBuilder sample, string path, InputLine line)
    {
        var t = line.Text.Trim();
        if (t.StartsWith('*'))
        {
            InputNotes.Info(sample, path, line.Number, $"'{t}' is `sysctl --system` naming the file it applies next; skipped");
            return;
        }
        var message = t[(t.IndexOf(':') + 1)..].Trim();
        if (message.StartsWith("error: ", StringComparison.Ordinal))
            message = message["error: ".Length..].Trim();
        if (Denied().Match(message) is { Success: true } d)
        {
            sample.Note(Diagnostic.Create(KnownDiagnostics.PermissionDenied, SourceSpan.At(path, line.Number), d.Groups["key"].Value));
            return;
        }
        var m = KeyNamed().Match(message);
        var key = !m.Success ? null : m.Groups["key"].Success ? m.Groups["key"].Value : SysctlKey.FromRelativePath(m.Groups["path"].Value);
        InputNotes.Info(sample, path, line.Number, key is null
            ? $"sysctl reported '{message}'; the line was skipped"
            : $"sysctl reported '{message}': {key} was not set or read, its value is unknown; the line was skipped");
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
