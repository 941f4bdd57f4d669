using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TuneAdvisor.Configuration;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Image.Apps;

/// <summary>
/// Listen backlogs of PHP-FPM pools from etc/php/VERSION/fpm/pool.d/*.conf (Debian, Ubuntu) and
/// etc/php-fpm.d/*.conf (Fedora, RHEL): INI files with one [pool] section per pool, "listen" and
/// "listen.backlog". When a pool does not set listen.backlog, the default on Linux is -1 (the kernel's somaxconn)
/// since PHP 8.2 (php-src PR #8410, 2022) and 511 before (FPM_BACKLOG_DEFAULT in sapi/fpm/fpm/fpm_sockets.h); the
/// PHP version comes from the etc/php/VERSION path. Without a version the default is unknown: a note, no entry.
/// A backlog of -1 (or any negative value) means "somaxconn".
/// </summary>
public static partial class PhpFpmConfigReader
{
    public const string App = "php-fpm";

    public static AppConfigResult Read(RootFileSystem fs)
    {
        var poolFiles = fs.Glob("etc/php/*/fpm/pool.d/*.conf").Concat(fs.Glob("etc/php-fpm.d/*.conf"))
            .Where(p => fs.KindOf(p) == RootEntryKind.File).ToList();
        if (poolFiles.Count == 0)
            return AppConfigResult.Empty;
        var diagnostics = new List<Diagnostic>();
        var files = new List<string>();
        var configs = ImmutableArray.CreateBuilder<AppListenConfig>();
        foreach (var file in poolFiles)
        {
            var text = fs.ReadText(file, diagnostics);
            if (text is null)
                continue;
            files.Add(file);
            configs.AddRange(Pools(text, file, VersionOf(file), diagnostics));
        }
        return new AppConfigResult(configs.ToImmutable(), [.. files], [.. diagnostics]);
    }

    /// <summary>The default listen.backlog of PHP-FPM on Linux for a PHP version.</summary>
    public static (long Backlog, string Why)? DefaultBacklog(Version? phpVersion) => phpVersion switch
    {
        null => null,
        { } v when v >= new Version(8, 2) => (-1, "default -1 = somaxconn, PHP ≥ 8.2"),
        { } v when v >= new Version(7, 4) => (511, "default 511, PHP < 8.2"),
        _ => null,
    };

    private static IEnumerable<AppListenConfig> Pools(string text, string file, Version? php, List<Diagnostic> diagnostics)
    {
        var pools = new List<(string Name, int Line, Dictionary<string, (string Value, int Line)> Settings)>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is ';' or '#')
                continue;
            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']'))
                {
                    diagnostics.Add(Skip(file, i + 1, $"malformed section header '{line}'"));
                    continue;
                }
                pools.Add((line[1..^1].Trim(), i + 1, new(StringComparer.Ordinal)));
                continue;
            }
            int eq = line.IndexOf('=');
            if (eq <= 0)
            {
                diagnostics.Add(Skip(file, i + 1, $"not an assignment (expected 'key = value'): {line}"));
                continue;
            }
            if (pools.Count == 0)
            {
                diagnostics.Add(Skip(file, i + 1, "assignment outside of any [pool] section"));
                continue;
            }
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
                value = value[1..^1];
            pools[^1].Settings[line[..eq].Trim()] = (value, i + 1);
        }

        foreach (var (name, line, settings) in pools)
        {
            if (name == "global")
                continue;
            if (!settings.TryGetValue("listen", out var listen))
            {
                diagnostics.Add(Skip(file, line, $"pool [{name}] has no 'listen' (PHP-FPM refuses to start it)"));
                continue;
            }
            if (settings.TryGetValue("listen.backlog", out var backlog))
            {
                if (long.TryParse(backlog.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    yield return new AppListenConfig(App, listen.Value, n, $"{file}:{backlog.Line}");
                    continue;
                }
                diagnostics.Add(Skip(file, backlog.Line, $"listen.backlog = {backlog.Value} is not a number"));
            }
            if (DefaultBacklog(php) is { } fallback)
                yield return new AppListenConfig(App, listen.Value, fallback.Backlog, $"{file}:{listen.Line} ({fallback.Why})");
            else
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputNote, SourceSpan.At(file, listen.Line),
                    $"{file}:{listen.Line}: pool [{name}] sets no listen.backlog and the PHP version is unknown: the default is 511 before PHP 8.2 and -1 (somaxconn) since"));
        }
    }

    private static Version? VersionOf(string file) =>
        PhpPath().Match(file) is { Success: true } m && Version.TryParse(m.Groups[1].Value, out var v) ? v : null;

    [GeneratedRegex(@"^etc/php/(\d+\.\d+)/")]
    private static partial Regex PhpPath();

    private static Diagnostic Skip(string file, int line, string message) =>
        Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(file, line), $"{file}:{line}: {message}");
}
