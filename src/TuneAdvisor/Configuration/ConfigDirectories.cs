using System.Collections.Immutable;

namespace TuneAdvisor.Configuration;

/// <summary>
/// Lists drop-in files the way systemd's conf-files.c (and procps `sysctl --system`) do: directories are given
/// highest priority first; only names ending with the suffix count; a name found in a higher-priority directory
/// hides every copy of the same name in lower ones (so a link to /dev/null masks); the survivors are sorted by
/// file name across all directories (ordinal, as strcmp).
/// </summary>
public static class ConfigDirectories
{
    public static ConfigFileListing List(RootFileSystem fs, IEnumerable<string> directories, string suffix, bool skipHidden = true)
    {
        var chosen = new Dictionary<string, ConfigFile>(StringComparer.Ordinal);
        var shadowed = ImmutableArray.CreateBuilder<ConfigFileShadow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            // On merged-/usr systems lib is a link to usr/lib: the same directory is read once.
            if (fs.Resolve(directory) is not { } resolved || !seen.Add(resolved))
                continue;
            foreach (var name in fs.ListNames(directory))
            {
                if (!name.EndsWith(suffix, StringComparison.Ordinal))
                    continue;
                if (skipHidden && name.StartsWith('.'))
                    continue;
                var path = directory + "/" + name;
                var kind = fs.KindOf(path);
                if (kind == RootEntryKind.Directory)
                    continue;
                if (chosen.TryGetValue(name, out var winner))
                {
                    shadowed.Add(new ConfigFileShadow(path, winner.Path));
                    continue;
                }
                chosen[name] = new ConfigFile(name, path, kind);
            }
        }
        return new ConfigFileListing(
            chosen.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToImmutableArray(),
            shadowed.ToImmutable());
    }
}

/// <summary>The files that take part, sorted by name, and the lower-priority copies they hide.</summary>
public sealed record ConfigFileListing(ImmutableArray<ConfigFile> Files, ImmutableArray<ConfigFileShadow> Shadowed);

/// <summary>One drop-in file: its name, its root-relative path as listed, and what it is once links are followed.</summary>
public sealed record ConfigFile(string Name, string Path, RootEntryKind Kind)
{
    public bool IsMask => Kind == RootEntryKind.DevNull;
}

/// <summary>A lower-priority file hidden by a same-named file in a higher-priority directory.</summary>
public sealed record ConfigFileShadow(string Path, string HiddenBy);
