using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TuneAdvisor.Configuration;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Image.Apps;

/// <summary>
/// Listen backlogs of HAProxy from etc/haproxy/haproxy.cfg. HAProxy's listener_backlog() (src/listener.c) uses
/// the bind line's "backlog", else the proxy's "backlog", else the bind line's "maxconn", else the proxy's
/// "maxconn"; a proxy inherits both from the defaults section before it (or the one named by "from"). When none is
/// set, the frontend's maxconn defaults to the global maxconn on recent HAProxy (2000 on older releases); without
/// a global maxconn it is derived from ulimit -n at run time, so the backlog stays unknown (a note, no entry).
/// One entry per address of every bind line in frontend and listen sections.
/// </summary>
public static class HaproxyConfigReader
{
    public const string App = "haproxy";
    public const string ConfigFile = "etc/haproxy/haproxy.cfg";

    private static readonly HashSet<string> SectionKeywords = new(StringComparer.Ordinal)
    {
        "global", "defaults", "frontend", "backend", "listen", "userlist", "peers", "resolvers", "mailers", "program",
        "http-errors", "ring", "cache", "log-forward", "crt-store", "traces", "acme", "namespace_list",
    };

    private sealed record Setting(long Value, string Location);

    private sealed class Section(string kind, string name, string? from, string location)
    {
        public string Kind { get; } = kind;
        public string Name { get; } = name;
        public string? From { get; } = from;
        public string Location { get; } = location;
        public List<(List<string> Words, int Line)> Lines { get; } = new();
        public Setting? Backlog { get; set; }
        public Setting? MaxConn { get; set; }
    }

    public static AppConfigResult Read(RootFileSystem fs)
    {
        if (fs.KindOf(ConfigFile) != RootEntryKind.File)
            return AppConfigResult.Empty;
        var diagnostics = new List<Diagnostic>();
        var text = fs.ReadText(ConfigFile, diagnostics);
        if (text is null)
            return AppConfigResult.Empty with { Diagnostics = [.. diagnostics] };
        var sections = Parse(text, ConfigFile, diagnostics);

        Setting? globalMaxConn = null;
        Section? lastDefaults = null;
        var namedDefaults = new Dictionary<string, Section>(StringComparer.Ordinal);
        var configs = ImmutableArray.CreateBuilder<AppListenConfig>();
        foreach (var section in sections)
        {
            var parent = section.From is { } from
                ? namedDefaults.GetValueOrDefault(from)
                : section.Kind == "defaults" ? null : lastDefaults;
            if (section.From is not null && parent is null)
                diagnostics.Add(Skip(section.Location, $"defaults section '{section.From}' is not defined before this section"));
            section.Backlog = parent?.Backlog;
            section.MaxConn = parent?.MaxConn;
            foreach (var (words, line) in section.Lines)
            {
                var location = $"{ConfigFile}:{line}";
                switch (words[0])
                {
                    case "maxconn" when section.Kind == "global":
                        globalMaxConn = Number(words, 1, location, diagnostics) is { } g ? new Setting(g, location) : globalMaxConn;
                        break;
                    case "maxconn" when section.Kind is "defaults" or "frontend" or "listen":
                        section.MaxConn = Number(words, 1, location, diagnostics) is { } m ? new Setting(m, location) : section.MaxConn;
                        break;
                    case "backlog" when section.Kind is "defaults" or "frontend" or "listen":
                        section.Backlog = Number(words, 1, location, diagnostics) is { } b ? new Setting(b, location) : section.Backlog;
                        break;
                }
            }
            if (section.Kind == "defaults")
            {
                lastDefaults = section;
                if (section.Name.Length > 0)
                    namedDefaults[section.Name] = section;
                continue;
            }
            if (section.Kind is not ("frontend" or "listen"))
                continue;
            foreach (var (words, line) in section.Lines.Where(l => l.Words[0] == "bind"))
                configs.AddRange(Bind(section, words, $"{ConfigFile}:{line}", globalMaxConn, diagnostics));
        }
        return new AppConfigResult(configs.ToImmutable(), [ConfigFile], [.. diagnostics]);
    }

    private static IEnumerable<AppListenConfig> Bind(Section proxy, List<string> words, string location, Setting? globalMaxConn, List<Diagnostic> diagnostics)
    {
        if (words.Count < 2)
        {
            diagnostics.Add(Skip(location, "'bind' without an address"));
            yield break;
        }
        Setting? backlog = null, maxconn = null;
        for (int i = 2; i < words.Count; i++)
        {
            if (words[i] == "backlog" && Number(words, i + 1, location, diagnostics) is { } b)
                backlog = new Setting(b, location);
            else if (words[i] == "maxconn" && Number(words, i + 1, location, diagnostics) is { } m)
                maxconn = new Setting(m, location);
        }
        (long Value, string Source)? chosen =
            backlog is not null ? (backlog.Value, backlog.Location)
            : proxy.Backlog is not null ? (proxy.Backlog.Value, proxy.Backlog.Location)
            : maxconn is not null ? (maxconn.Value, maxconn.Location + " (bind maxconn; no backlog set)")
            : proxy.MaxConn is not null ? (proxy.MaxConn.Value, proxy.MaxConn.Location + " (maxconn; no backlog set)")
            : globalMaxConn is not null ? (globalMaxConn.Value, globalMaxConn.Location + " (global maxconn: no backlog or proxy maxconn set; HAProxy releases that still default a frontend's maxconn to 2000 use 2000)")
            : null;
        if (chosen is null)
        {
            diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, LocationSpan.Parse(location),
                $"{location}: {proxy.Kind} '{proxy.Name}' sets no backlog and no maxconn, and there is no global maxconn: the backlog follows a maxconn derived from ulimit -n at run time (2000 on older HAProxy), unknown offline"));
            yield break;
        }
        foreach (var address in words[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
            yield return new AppListenConfig(App, address, chosen.Value.Value, chosen.Value.Source);
    }

    private static long? Number(List<string> words, int index, string location, List<Diagnostic> diagnostics)
    {
        if (index < words.Count && long.TryParse(words[index], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n;
        diagnostics.Add(Skip(location, $"'{words[Math.Min(index, words.Count) - 1]}' needs a number"));
        return null;
    }

    private static List<Section> Parse(string text, string path, List<Diagnostic> diagnostics)
    {
        var sections = new List<Section>();
        Section? current = null;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var location = $"{path}:{i + 1}";
            var words = Split(lines[i]);
            if (words is null)
            {
                diagnostics.Add(Skip(location, "unbalanced quotes"));
                continue;
            }
            if (words.Count == 0)
                continue;
            if (SectionKeywords.Contains(words[0]))
            {
                var name = words.Count > 1 && words[1] != "from" ? words[1] : "";
                int fromAt = words.IndexOf("from");
                current = new Section(words[0], name, fromAt > 0 && fromAt + 1 < words.Count ? words[fromAt + 1] : null, location);
                sections.Add(current);
                continue;
            }
            if (current is null)
            {
                diagnostics.Add(Skip(location, $"'{words[0]}' outside of any section"));
                continue;
            }
            current.Lines.Add((words, i + 1));
        }
        return sections;
    }

    /// <summary>Splits a line into words: # starts a comment, "…" and '…' quote, backslash escapes; null on an open quote.</summary>
    private static List<string>? Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else if (c == '\\' && quote == '"' && i + 1 < line.Length)
                    word.Append(line[++i]);
                else
                    word.Append(c);
                continue;
            }
            if (c == '#')
                break;
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c is '"' or '\'')
                quote = c;
            else if (c == '\\' && i + 1 < line.Length)
                word.Append(line[++i]);
            else
                word.Append(c);
        }
        if (quote != '\0')
            return null;
        if (inWord)
            words.Add(word.ToString());
        return words;
    }

    private static Diagnostic Skip(string location, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputLineSkipped, LocationSpan.Parse(location), $"{location}: {message}");
}
