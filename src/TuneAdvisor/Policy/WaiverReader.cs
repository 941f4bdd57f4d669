using System.Collections.Immutable;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Policy;

/// <summary>
/// The <c>waivers:</c> list of a policy layer. A waiver without <c>expires</c> is read here and judged once the whole
/// policy is loaded (<see cref="PolicyLoader"/>), since <c>requireWaiverExpiry</c> may come from another layer.
/// </summary>
internal sealed class WaiverReader(PolicyLayerReader reader)
{
    private static readonly ImmutableArray<string> Fields = ["rule", "subject", "justification", "reason", "ticket", "approver", "expires"];

    public ImmutableArray<Waiver> Read(YamlNode? node)
    {
        var result = ImmutableArray.CreateBuilder<Waiver>();
        foreach (var item in reader.Items(node, "waivers"))
        {
            if (item is not YamlMapping w)
            {
                reader.Error(item, "a waiver is a mapping with rule, subject, justification, ticket, approver and expires");
                continue;
            }
            foreach (var (key, _) in w.Entries)
                if (!Fields.Contains(key.Value))
                    reader.Error(key, $"unknown waiver field '{key.Value}'{Diagnostics.DidYouMean.Suggest(key.Value, Fields)}");
            var rule = Required(w, "rule");
            var justification = Justification(w);
            if (rule is null || justification is null)
                continue;
            if (!reader.IsRule(rule.Value))
                reader.Warn(rule);
            DateTimeOffset? expires = null;
            if (reader.Scalar(w, "expires") is { } e)
            {
                if (!WaiverExpiry.TryParse(e.Value, out var when, out var why))
                {
                    reader.Error(e, why);
                    continue;
                }
                expires = when;
            }
            result.Add(new Waiver(rule.Value, reader.Scalar(w, "subject")?.Value ?? "*", justification.Value, reader.Scalar(w, "approver")?.Value, expires, reader.At(w))
            {
                Ticket = reader.Scalar(w, "ticket")?.Value,
            });
        }
        return result.ToImmutable();
    }

    /// <summary>`justification` (the documented name) or its older alias `reason`: one of them, not both.</summary>
    private YamlScalar? Justification(YamlMapping w)
    {
        if (w["justification"] is not null && w["reason"] is not null)
        {
            reader.Error(w.Entries.First(e => e.Key.Value == "reason").Key, "give 'justification' or its alias 'reason', not both");
            return null;
        }
        return w["reason"] is not null ? Required(w, "reason") : Required(w, "justification", "'justification' (or its alias 'reason')");
    }

    private YamlScalar? Required(YamlMapping map, string field, string? named = null)
    {
        if (reader.Scalar(map, field) is { IsNull: false } s && s.Value.Trim().Length > 0)
            return s;
        reader.Error(map, $"a waiver needs {named ?? $"'{field}'"}");
        return null;
    }
}
