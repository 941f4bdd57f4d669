using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TuneAdvisor.Configuration;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Image.Apps;

/// <summary>
/// Listen backlogs of Redis (and Sentinel) instances: every etc/redis.conf and etc/redis/*.conf that no other one
/// includes is an instance. Directives are "name args…" lines (# comments, "…" quoting); a later directive wins,
/// and include lines are followed inside the root. tcp-backlog defaults to 511; the port to 6379 (26379 for a
/// Sentinel file); with no bind line Redis listens on every address ("*"). One entry per bind address.
/// </summary>
public static class RedisConfigReader
{
    public const string App = "redis";
    public const long DefaultBacklog = 511;
    private const int MaxIncludeDepth = 16;

    public static AppConfigResult Read(RootFileSystem fs)
    {
        var candidates = new List<string>();
        if (fs.KindOf("etc/redis.conf") == RootEntryKind.File)
            candidates.Add("etc/redis.conf");
        candidates.AddRange(fs.Glob("etc/redis/*.conf").Where(p => fs.KindOf(p) == RootEntryKind.File));
        if (candidates.Count == 0)
            return AppConfigResult.Empty;

        var diagnostics = new List<Diagnostic>();
        var files = new List<string>();
        var instances = new Dictionary<string, List<RedisLine>>(StringComparer.Ordinal);
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in candidates)
            instances[file] = Load(fs, file, diagnostics, files, included, 0);

        var configs = ImmutableArray.CreateBuilder<AppListenConfig>();
        foreach (var (file, lines) in instances)
        {
            if (!included.Contains(file))
                configs.AddRange(Instance(file, lines, diagnostics));
        }
        return new AppConfigResult(configs.ToImmutable(), [.. files.Distinct()], [.. diagnostics.Distinct()]);
    }

    private static IEnumerable<AppListenConfig> Instance(string file, List<RedisLine> lines, List<Diagnostic> diagnostics)
    {
        bool sentinel = lines.Any(l => l.Name == "sentinel");
        long backlog = DefaultBacklog;
        string source = file + " (default)";
        long port = sentinel ? 26379 : 6379;
        IReadOnlyList<string> binds = ["*"];
        string? unixSocket = null;
        foreach (var line in lines)
        {
            switch (line.Name)
            {
                case "tcp-backlog" when line.Args.Count == 1 && long.TryParse(line.Args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    backlog = n;
                    source = line.Location;
                    break;
                case "port" when line.Args.Count == 1 && long.TryParse(line.Args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                    port = p;
                    break;
                case "bind" when line.Args.Count > 0:
                    binds = line.Args.Select(a => a.TrimStart('-')).ToList();
                    break;
                case "unixsocket" when line.Args.Count == 1:
                    unixSocket = line.Args[0];
                    break;
                case "tcp-backlog" or "port" or "bind" or "unixsocket":
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(line.File, line.Line),
                        $"{line.Location}: invalid '{line.Name} {string.Join(' ', line.Args)}'"));
                    break;
            }
        }
        if (port != 0)
            foreach (var bind in binds)
                yield return new AppListenConfig(App, (bind.Contains(':') ? $"[{bind}]" : bind) + ":" + port.ToString(CultureInfo.InvariantCulture), backlog, source);
        if (unixSocket is not null)
            yield return new AppListenConfig(App, "unix:" + unixSocket, backlog, source);
    }

    private static List<RedisLine> Load(RootFileSystem fs, string path, List<Diagnostic> diagnostics, List<string> files, HashSet<string> included, int depth)
    {
        var result = new List<RedisLine>();
        var text = fs.ReadText(path, diagnostics);
        if (text is null)
            return result;
        files.Add(path);
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var words = Split(line);
            if (words is null || words.Count == 0)
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(path, i + 1), $"{path}:{i + 1}: unbalanced quotes"));
                continue;
            }
            var entry = new RedisLine(words[0].ToLowerInvariant(), words.Skip(1).ToList(), path, i + 1);
            if (entry.Name == "include" && entry.Args.Count == 1)
            {
                var target = entry.Args[0].TrimStart('/');
                if (depth >= MaxIncludeDepth)
                    diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(path, i + 1), $"{entry.Location}: includes nested too deep (a cycle?)"));
                else
                    foreach (var match in fs.Glob(target).Where(m => fs.KindOf(m) == RootEntryKind.File))
                    {
                        included.Add(match);
                        result.AddRange(Load(fs, match, diagnostics, files, included, depth + 1));
                    }
                continue;
            }
            result.Add(entry);
        }
        return result;
    }

    /// <summary>Splits a Redis config line into words ("…" and '…' quoting with backslash escapes); null on an open quote.</summary>
    private static List<string>? Split(string line)
    {
        var words = new List<string>();
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }
            var word = new StringBuilder();
            if (line[i] is '"' or '\'')
            {
                char quote = line[i++];
                while (i < line.Length && line[i] != quote)
                {
                    if (line[i] == '\\' && i + 1 < line.Length)
                        i++;
                    word.Append(line[i++]);
                }
                if (i >= line.Length)
                    return null;
                i++;
            }
            else
                while (i < line.Length && !char.IsWhiteSpace(line[i]))
                    word.Append(line[i++]);
            words.Add(word.ToString());
        }
        return words;
    }

    private sealed record RedisLine(string Name, List<string> Args, string File, int Line)
    {
        public string Location => $"{File}:{Line}";
    }
}
