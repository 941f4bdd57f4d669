using System.Text;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Policy;

/// <summary>
/// Prints a resolved policy (<c>tuneadvisor policy show</c>) as a policy file: read back with --policy it gives the
/// same audit for that host. Each value keeps its why, and a comment names the layer and line it came from; the
/// host overrides are already applied, so they appear as comments saying which applied and why the others did not.
/// </summary>
public static class PolicyPrinter
{
    public static string Print(ResolvedPolicy policy, string? policyPath)
    {
        var w = new StringBuilder();
        var host = policy.Host;
        w.Append("# The policy an audit of ").Append(host.Hostname ?? "an unnamed host")
            .Append(host.Kernel is { } k ? $" (kernel {k})" : "")
            .Append(host.Tags.IsEmpty ? ", with no --tag," : $", with tags {string.Join(", ", host.Tags)},").Append(" would use.\n");
        w.Append("# Policy file: ").Append(policyPath ?? "none").Append('\n');
        w.Append("# Layers, in merge order (later wins): ").Append(string.Join(", ", policy.Layers)).Append('\n');
        if (policy.RulesVersion is { } pin)
            Line(w, 0, $"rulesVersion: {Quote(pin.Value)}", pin);
        else
            w.Append("# rulesVersion: not pinned (the built-in rules of this build)\n");
        if (policy.FailOn is { } failOn)
            Line(w, 0, $"failOn: {Annotated(failOn.Value.ToName(), failOn.Why)}", failOn);
        else
            w.Append("failOn: warning  # the default\n");
        if (policy.RequireWaiverExpiry is { } require)
            Line(w, 0, $"requireWaiverExpiry: {(require.Value ? "true" : "false")}", require);

        Switches(w, "enable", policy.Switches.Where(s => s.Value.Value));
        Switches(w, "disable", policy.Switches.Where(s => !s.Value.Value));
        if (!policy.Severities.IsEmpty)
        {
            w.Append("severity:\n");
            foreach (var (key, level) in policy.Severities)
                Line(w, 1, $"{Quote(key)}: {Annotated(level.Value.ToName(), level.Why)}", level);
        }
        if (!policy.Options.IsEmpty)
        {
            w.Append("options:\n");
            foreach (var rule in policy.Options.Values.GroupBy(o => o.RuleId, StringComparer.Ordinal))
            {
                w.Append("  ").Append(rule.Key).Append(":\n");
                foreach (var o in rule)
                    Line(w, 2, $"{Quote(o.Option)}: {Annotated(o.Written, o.Value.Why)}", o.Value);
            }
        }
        if (!policy.Overrides.IsEmpty)
        {
            w.Append("# overrides (already merged above where they apply):\n");
            foreach (var o in policy.Overrides)
                w.Append("#   ").Append(Where(o.Origin, o.At)).Append(' ').Append(o.When.Describe())
                    .Append(o.Applied ? ": applied" : $": not applied ({o.Mismatch})").Append('\n');
        }
        Waivers(w, policy);
        return w.ToString();
    }

    private static void Switches(StringBuilder w, string field, IEnumerable<KeyValuePair<string, Setting<bool>>> switches)
    {
        var list = switches.ToList();
        if (list.Count == 0)
            return;
        w.Append(field).Append(":\n");
        foreach (var (key, on) in list)
            Line(w, 1, $"{Quote(key)}: {(on.Why is { } why ? Quote(why) : "~")}", on);
    }

    private static void Waivers(StringBuilder w, ResolvedPolicy policy)
    {
        if (policy.Policy.Waivers.IsEmpty)
            return;
        w.Append("waivers:\n");
        foreach (var waiver in policy.Policy.Waivers)
        {
            w.Append("  - rule: ").Append(waiver.RuleId).Append("  # ").Append(Where(null, waiver.Location)).Append('\n');
            w.Append("    subject: ").Append(Quote(waiver.Subject)).Append('\n');
            w.Append("    justification: ").Append(Quote(waiver.Justification)).Append('\n');
            if (waiver.Ticket is { } ticket)
                w.Append("    ticket: ").Append(Quote(ticket)).Append('\n');
            if (waiver.Approver is { } approver)
                w.Append("    approver: ").Append(Quote(approver)).Append('\n');
            if (waiver.Expires is { } expires)
                w.Append("    expires: ").Append(expires.Offset == TimeSpan.Zero && expires.TimeOfDay == TimeSpan.Zero
                    ? expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                    : Quote(expires.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        }
    }

    private static void Line<T>(StringBuilder w, int indent, string text, Setting<T> from)
    {
        w.Append(' ', indent * 2).Append(text).Append("  # ").Append(Where(from.Origin, from.At)).Append('\n');
    }

    private static string Where(string? origin, SourceSpan? at) => at is { } span
        ? (origin is not null && origin.StartsWith("preset ", StringComparison.Ordinal) ? $"{origin}, line {span.Line}" : $"{span.Path}:{span.Line}")
        : origin ?? "";

    private static string Annotated(string value, string? why) =>
        why is null ? Quote(value) : $"{{ value: {Quote(value)}, why: {Quote(why)} }}";

    /// <summary>A YAML scalar that reads back as the same string: plain when it is safe, double-quoted otherwise.</summary>
    private static string Quote(string text)
    {
        bool plain = text.Length > 0 && !text.Any(c => c is ':' or '#' or '"' or '\'' or '{' or '}' or '[' or ']' or ',' or '&' or '*' or '!' or '|' or '>' or '\\' || char.IsControl(c))
            && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && text[0] is not ('-' or '?' or '%' or '@' or '`')
            && text is not ("~" or "null" or "true" or "false" or "yes" or "no" or "on" or "off");
        if (plain)
            return text;
        var sb = new StringBuilder("\"");
        foreach (var c in text)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }
}
