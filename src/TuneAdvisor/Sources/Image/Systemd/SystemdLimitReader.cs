using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TuneAdvisor.Configuration;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sources.Image.Systemd;

/// <summary>
/// The file-descriptor limits systemd gives services in a root: DefaultLimitNOFILE= from system.conf and its
/// system.conf.d drop-ins ([Manager]), and LimitNOFILE= from service units and their drop-ins ([Service]).
/// Unit files follow systemd's search path (a same-named file in a higher-priority directory wins, a link to
/// /dev/null or an empty file masks the unit); drop-ins come from NAME.service.d, the dash-prefix directories
/// (foo-.service.d) and service.d in every unit directory, deduplicated by file name and applied in file-name
/// order after the unit file. Infinity is <see cref="RlimitValue.Infinity"/>.
/// </summary>
public static partial class SystemdLimitReader
{
    public const string NoFile = "NOFILE";
    public const string SystemScope = "system";

    private static readonly string[] UnitDirectories =
        ["etc/systemd/system", "run/systemd/system", "usr/local/lib/systemd/system", "usr/lib/systemd/system", "lib/systemd/system"];

    private static readonly string[] ManagerDirectories = ["etc/systemd", "run/systemd", "usr/local/lib/systemd", "usr/lib/systemd", "lib/systemd"];

    public static SystemdLimits Read(RootFileSystem fs)
    {
        var diagnostics = new List<Diagnostic>();
        var files = new List<string>();
        var limits = ImmutableArray.CreateBuilder<ConfiguredLimit>();

        var parsed = new Dictionary<string, ImmutableArray<SystemdSetting>>(StringComparer.Ordinal);
        ImmutableArray<SystemdSetting> Parse(string path)
        {
            if (parsed.TryGetValue(path, out var cached))
                return cached;
            ImmutableArray<SystemdSetting> settings = [];
            if (fs.ReadText(path, diagnostics) is { } text)
            {
                files.Add(path);
                (settings, var lineDiagnostics) = SystemdIniParser.Parse(text, path);
                diagnostics.AddRange(lineDiagnostics);
            }
            parsed[path] = settings;
            return settings;
        }

        // DefaultLimitNOFILE=: the main file, then system.conf.d drop-ins by name.
        var main = ManagerDirectories.Select(d => d + "/system.conf").FirstOrDefault(p => fs.KindOf(p) == RootEntryKind.File);
        var managerSettings = new List<SystemdSetting>();
        if (main is not null)
            managerSettings.AddRange(Parse(main));
        var managerDropIns = ConfigDirectories.List(fs, ManagerDirectories.Select(d => d + "/system.conf.d"), ".conf");
        foreach (var dropIn in managerDropIns.Files.Where(f => !f.IsMask))
            managerSettings.AddRange(Parse(dropIn.Path));
        var systemDefault = Apply(managerSettings.Where(s => s.Section == "Manager" && s.Key == "DefaultLimitNOFILE"), SystemScope, diagnostics);
        if (systemDefault is not null)
            limits.Add(systemDefault);
        else if (SystemdVersion(fs) is { } version)
            limits.Add(version >= 240
                ? new ConfiguredLimit(NoFile, SystemScope, 1024, 524288, "systemd default")
                : new ConfiguredLimit(NoFile, SystemScope, 1024, 4096, $"systemd default (v{version} < 240: the kernel's 1024:4096)"));
        else if (main is not null || !managerDropIns.Files.IsEmpty || HasSystemd(fs))
            limits.Add(new ConfiguredLimit(NoFile, SystemScope, 1024, 524288, "systemd default"));

        // LimitNOFILE= per service, and service.d drop-ins that apply to every service.
        var serviceWide = ConfigDirectories.List(fs, UnitDirectories.Select(d => d + "/service.d"), ".conf");
        var serviceWideSettings = serviceWide.Files.Where(f => !f.IsMask).SelectMany(f => Parse(f.Path)).ToList();
        if (Apply(serviceWideSettings.Where(IsLimit), "*.service (service.d)", diagnostics) is { } all)
            limits.Add(all);
        foreach (var unit in ConfigDirectories.List(fs, UnitDirectories, ".service").Files)
        {
            if (unit.IsMask || unit.Kind != RootEntryKind.File)
                continue;
            var own = Parse(unit.Path);
            if (own.IsEmpty && fs.ReadText(unit.Path, null) is { Length: 0 })
                continue; // an empty unit file masks the unit
            var dropIns = ConfigDirectories.List(fs, DropInDirectories(unit.Name), ".conf").Files.Where(f => !f.IsMask).ToList();
            var settings = own.Where(IsLimit).Concat(dropIns.SelectMany(f => Parse(f.Path)).Where(IsLimit)).ToList();
            // Only units that say something themselves get an entry; service.d alone is reported once above.
            if (settings.Count == 0 || settings.All(s => serviceWideSettings.Contains(s)))
                continue;
            if (Apply(settings, unit.Name, diagnostics) is { } limit)
                limits.Add(limit);
        }

        return new SystemdLimits(limits.ToImmutable(), [.. files], [.. diagnostics]);
    }

    private static bool IsLimit(SystemdSetting s) => s.Section == "Service" && s.Key == "LimitNOFILE";

    /// <summary>The last valid assignment wins; an empty value resets to the inherited default (null).</summary>
    private static ConfiguredLimit? Apply(IEnumerable<SystemdSetting> settings, string scope, List<Diagnostic> diagnostics)
    {
        ConfiguredLimit? result = null;
        foreach (var s in settings)
        {
            if (s.Value.Length == 0)
            {
                result = null;
                continue;
            }
            if (!RlimitValue.TryParse(s.Value, out var soft, out var hard))
            {
                diagnostics.Add(Diagnostic.Create(KnownDiagnostics.InputLineSkipped, SourceSpan.At(s.File, s.Line),
                    $"{s.Location}: {s.Key}={s.Value} is not a limit (expected N, soft:hard or infinity)"));
                continue;
            }
            result = new ConfiguredLimit(NoFile, scope, soft, hard, s.Location);
        }
        return result;
    }

    /// <summary>Drop-in directories of a service in priority order: for each unit directory, NAME.service.d, then the dash prefixes.</summary>
    private static IEnumerable<string> DropInDirectories(string unitName)
    {
        var names = new List<string> { unitName + ".d" };
        var stem = unitName[..^".service".Length];
        for (int dash = stem.LastIndexOf('-'); dash > 0; dash = stem.LastIndexOf('-', dash - 1))
            names.Add(stem[..(dash + 1)] + ".service.d");
        foreach (var directory in UnitDirectories)
            foreach (var name in names)
                yield return $"{directory}/{name}";
        foreach (var directory in UnitDirectories)
            yield return $"{directory}/service.d";
    }

    private static bool HasSystemd(RootFileSystem fs) =>
        fs.KindOf("usr/lib/systemd/systemd") == RootEntryKind.File || fs.KindOf("lib/systemd/systemd") == RootEntryKind.File;

    /// <summary>The systemd version from libsystemd-shared-NNN*.so in the image, when present.</summary>
    private static int? SystemdVersion(RootFileSystem fs)
    {
        foreach (var directory in new[] { "usr/lib/systemd", "lib/systemd", "usr/lib64/systemd" })
            foreach (var name in fs.ListNames(directory))
                if (SharedLibrary().Match(name) is { Success: true } m &&
                    int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                    return v;
        return null;
    }

    [GeneratedRegex(@"^libsystemd-shared-(\d+)")]
    private static partial Regex SharedLibrary();
}

/// <summary>Configured limits found in a root, the files read, and what went wrong.</summary>
public sealed record SystemdLimits(ImmutableArray<ConfiguredLimit> Limits, ImmutableArray<string> Files, ImmutableArray<Diagnostic> Diagnostics);
