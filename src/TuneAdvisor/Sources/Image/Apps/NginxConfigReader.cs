using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Configuration;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Image.Apps;

/// <summary>
/// Listen backlogs of nginx, from etc/nginx/nginx.conf and every file it includes (include patterns are relative
/// to etc/nginx, absolute ones stay inside the root; wildcards expand in name order as glob(3) does). Each
/// listening socket (distinct address in http and stream server blocks) gets one entry: the backlog= of the
/// listen directive that sets it, else nginx's Linux default 511 (NGX_LISTEN_BACKLOG). An http server block
/// without a listen directive listens on *:80.
/// </summary>
public static class NginxConfigReader
{
    public const string App = "nginx";
    public const long DefaultBacklog = 511;
    private const string Prefix = "etc/nginx";
    private const string MainFile = Prefix + "/nginx.conf";
    private const int MaxIncludeDepth = 16;

    public static AppConfigResult Read(RootFileSystem fs)
    {
        if (fs.KindOf(MainFile) != RootEntryKind.File)
        {
            return fs.KindOf(Prefix) == RootEntryKind.Directory
                ? AppConfigResult.Empty with { Diagnostics = [Diagnostic.Create(KnownDiagnostics.InputNote, SourceSpan.File(Prefix), $"{Prefix} exists but {MainFile} does not; nginx listen backlogs unknown")] }
                : AppConfigResult.Empty;
        }
        var diagnostics = new List<Diagnostic>();
        var files = new List<string>();
        var top = Load(fs, MainFile, diagnostics, files, depth: 0);
        var listens = new List<(string Address, NginxDirective At, long? Backlog)>();
        foreach (var block in top.Where(d => d.Name is "http" or "stream" && d.Block is not null))
            foreach (var server in block.Block!.Value.Where(d => d.Name == "server" && d.Block is not null))
                CollectServer(server, block.Name == "http", listens, diagnostics);

        var configs = listens
            .GroupBy(l => l.Address, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(l => l.Backlog is not null) is { Backlog: { } backlog } set
                ? new AppListenConfig(App, g.Key, backlog, set.At.Location)
                : new AppListenConfig(App, g.Key, DefaultBacklog, g.First().At.Location + " (default)"))
            .ToImmutableArray();
        return new AppConfigResult(configs, [.. files.Distinct()], [.. diagnostics]);
    }

    private static void CollectServer(NginxDirective server, bool http, List<(string, NginxDirective, long?)> listens, List<Diagnostic> diagnostics)
    {
        var found = false;
        foreach (var listen in server.Block!.Value.Where(d => d.Name == "listen"))
        {
            if (listen.Args.IsEmpty)
            {
                diagnostics.Add(Skip(listen, "'listen' without an address"));
                continue;
            }
            found = true;
            long? backlog = null;
            foreach (var arg in listen.Args.Skip(1))
            {
                if (!arg.StartsWith("backlog=", StringComparison.Ordinal))
                    continue;
                if (long.TryParse(arg.AsSpan("backlog=".Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    backlog = n;
                else
                    diagnostics.Add(Skip(listen, $"invalid '{arg}'"));
            }
            listens.Add((NormalizeAddress(listen.Args[0]), listen, backlog));
        }
        if (!found && http)
            listens.Add(("*:80", server, null));
    }

    /// <summary>"80" and "0.0.0.0:80" → "*:80"; other forms ("127.0.0.1:8080", "[::]:443", "unix:/run/x.sock") unchanged.</summary>
    public static string NormalizeAddress(string address)
    {
        if (address.All(char.IsAsciiDigit))
            return "*:" + address;
        if (address.StartsWith("0.0.0.0:", StringComparison.Ordinal))
            return "*:" + address["0.0.0.0:".Length..];
        return address;
    }

    /// <summary>Parses a file and replaces every include directive, at any depth, with the directives it includes.</summary>
    private static ImmutableArray<NginxDirective> Load(RootFileSystem fs, string path, List<Diagnostic> diagnostics, List<string> files, int depth)
    {
        var text = fs.ReadText(path, diagnostics);
        if (text is null)
            return [];
        files.Add(path);
        var (directives, parseDiagnostics) = NginxConfigParser.Parse(text, path);
        diagnostics.AddRange(parseDiagnostics);
        return Expand(fs, directives, diagnostics, files, depth);
    }

    private static ImmutableArray<NginxDirective> Expand(RootFileSystem fs, ImmutableArray<NginxDirective> directives, List<Diagnostic> diagnostics, List<string> files, int depth)
    {
        var result = ImmutableArray.CreateBuilder<NginxDirective>();
        foreach (var d in directives)
        {
            if (d.Name != "include")
            {
                result.Add(d.Block is { } block ? d with { Block = Expand(fs, block, diagnostics, files, depth) } : d);
                continue;
            }
            if (d.Args.Length != 1)
            {
                diagnostics.Add(Skip(d, "'include' takes one file or pattern"));
                continue;
            }
            if (depth >= MaxIncludeDepth)
            {
                diagnostics.Add(Skip(d, $"includes nested deeper than {MaxIncludeDepth} levels (a cycle?)"));
                continue;
            }
            var pattern = d.Args[0].StartsWith('/') ? d.Args[0].TrimStart('/') : $"{Prefix}/{d.Args[0]}";
            var matches = fs.Glob(pattern);
            if (matches.Count == 0 && !ShellPattern.HasWildcards(pattern))
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.SourceUnavailable, SourceSpan.At(d.File, d.Line),
                    $"{d.Location}: included file {pattern} does not exist (nginx would refuse to start)"));
            foreach (var match in matches.Where(m => fs.KindOf(m) == RootEntryKind.File))
                result.AddRange(Load(fs, match, diagnostics, files, depth + 1));
        }
        return result.ToImmutable();
    }

    private static Diagnostic Skip(NginxDirective at, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(at.File, at.Line), $"{at.Location}: {message}");
}
