using System.Globalization;
using System.Text.RegularExpressions;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// `ss -s` into gauges: "Total: 23" → ss.Total, "TCP: 21 (estab 12, closed 1, orphaned 0, timewait 0)" → ss.TCP,
/// ss.TCP.estab, ss.TCP.closed, ss.TCP.orphaned, ss.TCP.timewait (old ss: also synrecv, "timewait 0/0" takes the
/// first number, "ports N"), and the transport table → ss.transport.&lt;ROW&gt;.total|ip|ipv6.
/// </summary>
public sealed partial class SsSummaryParser : IInputParser
{
    public string Kind => "ss -s";

    [GeneratedRegex(@"^(?<name>[A-Za-z]+):\s+(?<total>\d+)\s*(?:\((?<inner>[^)]*)\))?(?<tail>.*)$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"(?<key>[a-z_]+)\s+(?<value>\d+)(?:/\d+)?")]
    private static partial Regex KeyValue();

    public int Confidence(string text)
    {
        bool total = false, tcp = false;
        foreach (var line in InputLine.Split(text).Take(20))
        {
            total |= line.Text.StartsWith("Total:", StringComparison.Ordinal);
            tcp |= line.Text.StartsWith("TCP:", StringComparison.Ordinal) && line.Text.Contains("(estab", StringComparison.Ordinal);
        }
        return total && tcp ? 95 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        string[]? columns = null;
        foreach (var line in InputLine.Split(text))
        {
            var t = line.Text.Trim();
            if (t.Length == 0)
                continue;
            if (t.StartsWith("Transport", StringComparison.Ordinal))
            {
                columns = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(c => c.ToLowerInvariant()).ToArray();
                continue;
            }
            var m = SummaryLine().Match(t);
            if (m.Success && columns is null)
            {
                var name = m.Groups["name"].Value;
                sample.Gauges[$"ss.{name}"] = long.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture);
                foreach (Match kv in KeyValue().Matches(m.Groups["inner"].Value + " " + m.Groups["tail"].Value))
                    sample.Gauges[$"ss.{name}.{kv.Groups["key"].Value}"] = long.Parse(kv.Groups["value"].Value, CultureInfo.InvariantCulture);
                continue;
            }
            var parts = t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (columns is not null && parts.Length == columns.Length + 1 && parts.Skip(1).All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                for (int i = 0; i < columns.Length; i++)
                    sample.Gauges[$"ss.transport.{parts[0]}.{columns[i]}"] = long.Parse(parts[i + 1], CultureInfo.InvariantCulture);
                continue;
            }
            InputNotes.Skipped(sample, path, line, "not a line of `ss -s`");
        }
    }
}
