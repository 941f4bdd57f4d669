using System.Text.RegularExpressions;

namespace TuneAdvisor.Tests.Support;

/// <summary>The rows of `ss` output (with or without a Netid column), for differential tests against the collector.</summary>
public static partial class SsTable
{
    public sealed record Row(string? Netid, string State, long RecvQ, long SendQ, string Local, string Peer, string Process);

    public static List<Row> Parse(string text)
    {
        var rows = new List<Row>();
        bool netid = false, state = true;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("Netid", StringComparison.Ordinal)) { netid = true; state = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == "State"; continue; }
            // With a "state X" filter ss drops the State column and the header starts at Recv-Q.
            if (line.StartsWith("Recv-Q", StringComparison.Ordinal)) { state = false; continue; }
            if (line.StartsWith("State", StringComparison.Ordinal) || line.Length == 0 || char.IsWhiteSpace(line[0]))
                continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!state)
                f = [.. f.Take(netid ? 1 : 0), "", .. f.Skip(netid ? 1 : 0)];
            int i = netid ? 1 : 0;
            // ss -x prints "path inode peer-path peer-inode": the "port" of a unix socket is its inode.
            bool unix = netid && f[0].StartsWith("u_", StringComparison.Ordinal);
            var local = f[i + 3];
            var peer = unix ? f[i + 5] : f[i + 4];
            int rest = unix ? i + 7 : i + 5;
            rows.Add(new Row(netid ? f[0] : null, f[i], long.Parse(f[i + 1]), long.Parse(f[i + 2]),
                NormaliseMapped(local), NormaliseMapped(peer), string.Join(' ', f.Skip(rest))));
        }
        return rows;
    }

    /// <summary>ss prints IPv4-mapped addresses as [::ffff:a.b.c.d]; the collector normalises them to a.b.c.d.</summary>
    public static string NormaliseMapped(string endpoint) => MappedRegex().Replace(endpoint, "$1");

    /// <summary>Process names in a users:(("name",pid=1,fd=3),...) column.</summary>
    public static List<(string Name, int Pid, int Fd)> Users(string process) =>
        UsersRegex().Matches(process).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value))).ToList();

    [GeneratedRegex(@"^\[::ffff:(\d+\.\d+\.\d+\.\d+)\]")]
    private static partial Regex MappedRegex();

    [GeneratedRegex(@"\(""([^""]*)"",pid=(\d+),fd=(\d+)\)")]
    private static partial Regex UsersRegex();
}
