using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Remediation;

/// <summary>
/// Merges the sysctl settings that findings ask for into one value per key, sorted by key.
/// Conflicts: when every requested value is a number (or a tuple of numbers of the same length, like tcp_rmem's
/// "min default max"), the larger wins, field by field: every rule here asks for a minimum, so the larger value
/// satisfies all of them. Other conflicts (e.g. two congestion control names) are not guessed: the key is left
/// out, with the candidates named for a person to choose. Keys or values that could not be written safely to
/// sysctl.d or a shell script are left out too.
/// </summary>
public static class SysctlPlan
{
    public static ImmutableArray<PlannedSysctl> From(IEnumerable<Finding> findings)
    {
        var requests = new SortedDictionary<string, List<SysctlRequest>>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f.Remediation is not { } rem)
                continue;
            foreach (var s in rem.Sysctls)
            {
                if (!requests.TryGetValue(s.Key, out var list))
                    requests[s.Key] = list = [];
                list.Add(new SysctlRequest(f.RuleId, f.Title, f.Subject, s.Value.Trim()));
            }
        }
        return [.. requests.Select(kv => Plan(kv.Key, [.. kv.Value
            .OrderBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.Subject, StringComparer.Ordinal)]))];
    }

    private static PlannedSysctl Plan(string key, ImmutableArray<SysctlRequest> requests)
    {
        if (!ShellText.IsSafeKey(key))
            return new PlannedSysctl(key, null, requests, "left out: the key has characters a sysctl name cannot have");
        var unsafeValue = requests.FirstOrDefault(r => !ShellText.IsSafeValue(r.Value));
        if (unsafeValue is not null)
            return new PlannedSysctl(key, null, requests, $"left out: {unsafeValue.RuleId} asks for an empty or multi-line value");

        var values = requests.Select(r => r.Value).Distinct(StringComparer.Ordinal).ToArray();
        if (values.Length == 1)
            return new PlannedSysctl(key, values[0], requests, null);

        var tuples = values.Select(ParseNumbers).ToArray();
        if (tuples.All(t => t is not null) && tuples.Select(t => t!.Length).Distinct().Count() == 1)
        {
            var width = tuples[0]!.Length;
            var max = new long[width];
            for (int i = 0; i < width; i++)
                max[i] = tuples.Max(t => t![i]);
            var chosen = string.Join(' ', max.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            var how = width == 1 ? "kept the largest" : "kept the largest of each field";
            return new PlannedSysctl(key, chosen, requests, $"conflict: rules ask for {Candidates(values)}; {how}, {chosen}");
        }
        return new PlannedSysctl(key, null, requests, $"conflict: rules ask for {Candidates(values)}; not set, choose one by hand");
    }

    private static string Candidates(IEnumerable<string> values) => string.Join(" / ", values.Select(v => $"\"{v}\""));

    private static long[]? ParseNumbers(string value)
    {
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var numbers = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i]))
                return null;
        return parts.Length > 0 ? numbers : null;
    }
}
