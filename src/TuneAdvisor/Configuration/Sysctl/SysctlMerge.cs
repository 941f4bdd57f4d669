using System.Collections.Immutable;
using TuneAdvisor.Knowledge;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Configuration.Sysctl;

/// <summary>
/// The two ways a Linux system applies its sysctl files, as pure functions over the assignments in file order.
/// Globs can only be expanded against keys known to exist (the live /proc/sys keys, or for an image the kernel
/// defaults table), and are matched in path form so that "*" never crosses a "/" (glob(3) on /proc/sys).
/// </summary>
public static class SysctlMerge
{
    /// <summary>
    /// systemd-sysctl (src/sysctl/sysctl.c): every line goes into one ordered map keyed by the normalised key.
    /// A later line for the same key replaces the earlier one, even a bare <c>-key</c> (which then cancels an
    /// explicit assignment). A glob writes every known matching key that has no entry of its own in the map
    /// (neither an explicit assignment nor a bare <c>-key</c> exclusion), whatever the file order; among globs the
    /// one applied last (latest in the map) wins.
    /// </summary>
    public static SysctlMergeOutcome Systemd(IEnumerable<SysctlAssignment> assignments, IEnumerable<string> knownKeys)
    {
        var order = new List<Option>();
        var index = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var a in assignments)
        {
            if (index.TryGetValue(a.Key, out var existing))
            {
                if (string.Equals(existing.Current.Value, a.Value, StringComparison.Ordinal))
                {
                    // systemd keeps the first of equal assignments; the value is the same, so name the later line as
                    // the winner (later lines win) and keep the earlier one as overridden.
                    existing.Earlier.Insert(0, existing.Current);
                    existing.Current = a;
                    continue;
                }
                order.Remove(existing);
                var replaced = new Option(a);
                replaced.Earlier.Add(existing.Current);
                replaced.Earlier.AddRange(existing.Earlier);
                index[a.Key] = replaced;
                order.Add(replaced);
                continue;
            }
            var option = new Option(a);
            index[a.Key] = option;
            order.Add(option);
        }

        var values = new SortedDictionary<string, SysctlEntry>(StringComparer.Ordinal);
        var cancelled = ImmutableArray.CreateBuilder<SysctlAssignment>();
        foreach (var option in order)
        {
            if (option.Current.IsGlob)
                continue;
            if (option.Current.Value is { } value)
                values[option.Current.Key] = Entry(value, option.Current, option.Earlier);
            else if (option.Earlier.Any(e => !e.IsExclusion))
                cancelled.Add(option.Current);
        }

        var globs = ExpandGlobs(
            order.Where(o => o.Current.IsGlob && !o.Current.IsExclusion).Select(o => o.Current),
            key => index.ContainsKey(key), knownKeys, values);
        return new SysctlMergeOutcome(values.ToImmutableSortedDictionary(StringComparer.Ordinal), globs, cancelled.ToImmutable());
    }

    /// <summary>
    /// procps-ng `sysctl --system` (4.x, src/sysctl.c write_setting_list): the settings are written in file order,
    /// so the last explicit assignment of a key wins; a bare <c>-key</c> only excludes the key from globs; a glob
    /// writes every known matching key that no other line names explicitly; among globs the last one wins.
    /// </summary>
    public static SysctlMergeOutcome Procps(IEnumerable<SysctlAssignment> assignments, IEnumerable<string> knownKeys)
    {
        var list = assignments.ToList();
        var named = new HashSet<string>(list.Where(a => !a.IsGlob).Select(a => a.Key), StringComparer.Ordinal);
        var history = new Dictionary<string, List<SysctlAssignment>>(StringComparer.Ordinal);
        foreach (var a in list)
        {
            if (a.IsGlob || a.IsExclusion)
                continue;
            if (!history.TryGetValue(a.Key, out var writes))
                history[a.Key] = writes = new List<SysctlAssignment>();
            writes.Add(a);
        }
        var values = new SortedDictionary<string, SysctlEntry>(StringComparer.Ordinal);
        foreach (var (key, writes) in history)
        {
            var last = writes[^1];
            values[key] = Entry(last.Value!, last, Enumerable.Reverse(writes).Skip(1));
        }
        var globs = ExpandGlobs(list.Where(a => a.IsGlob && !a.IsExclusion), named.Contains, knownKeys, values);
        return new SysctlMergeOutcome(values.ToImmutableSortedDictionary(StringComparer.Ordinal), globs, []);
    }

    /// <summary>True when a dotted sysctl glob (net.ipv4.conf.*.rp_filter) matches a dotted key, compared in path form.</summary>
    public static bool GlobMatches(string globKey, string key) =>
        ShellPattern.IsMatch(SysctlKey.ToRelativePath(globKey), SysctlKey.ToRelativePath(key), '/');

    private static ImmutableArray<SysctlGlobApplication> ExpandGlobs(
        IEnumerable<SysctlAssignment> globs, Func<string, bool> named, IEnumerable<string> knownKeys,
        SortedDictionary<string, SysctlEntry> values)
    {
        var known = knownKeys.Where(k => !ShellPattern.HasWildcards(k)).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var fromGlob = new Dictionary<string, List<SysctlAssignment>>(StringComparer.Ordinal);
        var applications = ImmutableArray.CreateBuilder<SysctlGlobApplication>();
        foreach (var glob in globs)
        {
            var applied = ImmutableArray.CreateBuilder<string>();
            var excepted = ImmutableArray.CreateBuilder<string>();
            foreach (var key in known)
            {
                if (!GlobMatches(glob.Key, key))
                    continue;
                if (named(key))
                {
                    excepted.Add(key);
                    continue;
                }
                if (!fromGlob.TryGetValue(key, out var earlier))
                    fromGlob[key] = earlier = new List<SysctlAssignment>();
                values[key] = Entry(glob.Value!, glob, Enumerable.Reverse(earlier));
                earlier.Add(glob);
                applied.Add(key);
            }
            applications.Add(new SysctlGlobApplication(glob, applied.ToImmutable(), excepted.ToImmutable()));
        }
        return applications.ToImmutable();
    }

    private static SysctlEntry Entry(string value, SysctlAssignment winner, IEnumerable<SysctlAssignment> earlier) =>
        new(value, winner.Location) { Overridden = earlier.Select(e => e.Describe()).ToImmutableArray() };

    private sealed class Option(SysctlAssignment current)
    {
        public SysctlAssignment Current { get; set; } = current;

        /// <summary>Earlier assignments of the same key, most recent first.</summary>
        public List<SysctlAssignment> Earlier { get; } = new();
    }
}

/// <summary>
/// The outcome of one merge: the value of every key it sets (explicit or through a glob, with the winning line as
/// source and the lines it overrode, highest priority first), how each glob was applied, and the bare <c>-key</c>
/// lines that cancelled an explicit assignment (systemd-sysctl only).
/// </summary>
public sealed record SysctlMergeOutcome(
    ImmutableSortedDictionary<string, SysctlEntry> Values,
    ImmutableArray<SysctlGlobApplication> Globs,
    ImmutableArray<SysctlAssignment> Cancelled);

/// <summary>One glob line, the known keys it set, and the matching keys it skipped because they are named explicitly.</summary>
public sealed record SysctlGlobApplication(SysctlAssignment Glob, ImmutableArray<string> AppliedTo, ImmutableArray<string> Excepted);
