using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;

namespace TuneAdvisor.Policy;

/// <summary>
/// Merges a <see cref="PolicyChain"/> for one host. Layers apply in chain order, each its body and then the overrides
/// whose selector matches the host, in file order. Later wins per setting: a rule's or category's on/off, a severity
/// key, an option, failOn, rulesVersion, requireWaiverExpiry. Waivers add up. Within one body disable wins over enable
/// for the same key, as it always has.
/// </summary>
public static class PolicyResolver
{
    public static ResolvedPolicy Resolve(PolicyChain chain, HostFacts host)
    {
        var switches = ImmutableSortedDictionary.CreateBuilder<string, Setting<bool>>(StringComparer.Ordinal);
        var severities = ImmutableSortedDictionary.CreateBuilder<string, Setting<Severity>>(StringComparer.Ordinal);
        var options = ImmutableSortedDictionary.CreateBuilder<string, OptionChoice>(StringComparer.Ordinal);
        var overrides = ImmutableArray.CreateBuilder<OverrideOutcome>();
        var waivers = ImmutableArray.CreateBuilder<Waiver>();

        void Apply(PolicyBody body)
        {
            foreach (var s in body.Switches.OrderBy(s => s.On.Value ? 0 : 1))   // enable, then disable: disable wins in one body
                switches[s.Key] = s.On;
            foreach (var s in body.Severities)
                severities[s.Key] = s.Level;
            foreach (var o in body.Options)
                options[$"{o.RuleId}.{o.Option}"] = o;
        }

        foreach (var layer in chain.Layers)
        {
            Apply(layer.Body);
            foreach (var o in layer.Overrides)
            {
                var mismatch = o.When.Mismatch(host);
                overrides.Add(new OverrideOutcome(layer.Origin, o.At, o.When, mismatch));
                if (mismatch is null)
                    Apply(o.Body);
            }
            waivers.AddRange(layer.Waivers);
        }

        // Empty parts stay the defaults' own empty collections, so a policy that sets nothing equals AuditPolicy.Default.
        var policy = AuditPolicy.Default;
        if (switches.Count > 0)
            policy = policy with
            {
                Enabled = switches.Where(s => s.Value.Value).Select(s => s.Key).ToImmutableHashSet(StringComparer.Ordinal),
                Disabled = switches.Where(s => !s.Value.Value).Select(s => s.Key).ToImmutableHashSet(StringComparer.Ordinal),
            };
        if (severities.Count > 0)
            policy = policy with { SeverityOverrides = severities.ToImmutableDictionary(s => s.Key, s => s.Value.Value, StringComparer.Ordinal) };
        if (options.Count > 0)
            policy = policy with
            {
                OptionOverrides = options.Values
                    .GroupBy(o => o.RuleId, StringComparer.Ordinal)
                    .ToImmutableDictionary(g => g.Key, g => (IReadOnlyDictionary<string, Value>)g.ToImmutableDictionary(o => o.Option, o => o.Value.Value, StringComparer.Ordinal), StringComparer.Ordinal),
            };
        if (waivers.Count > 0)
            policy = policy with { Waivers = waivers.ToImmutable() };
        return new ResolvedPolicy
        {
            Policy = policy,
            Host = host,
            Layers = [.. chain.Layers.Select(l => l.Origin)],
            FailOn = chain.FailOn,
            RulesVersion = chain.RulesVersion,
            RequireWaiverExpiry = chain.RequireWaiverExpiry,
            Switches = switches.ToImmutable(),
            Severities = severities.ToImmutable(),
            Options = options.ToImmutable(),
            Overrides = overrides.ToImmutable(),
        };
    }

    /// <summary>The command line as the last layer: --disable, --severity and --fail-on.</summary>
    public static PolicyLayer CommandLine(IEnumerable<string> disable, IReadOnlyDictionary<string, Severity> severity, Severity? failOn)
    {
        const string origin = "command line";
        return new PolicyLayer
        {
            Origin = origin,
            FailOn = failOn is { } f ? new Setting<Severity>(f, null, origin, null) : null,
            Body = new PolicyBody
            {
                Switches = [.. disable.Select(d => new SwitchChoice(d.Trim(), new Setting<bool>(false, null, origin, null)))],
                Severities = [.. severity.Select(kv => new SeverityChoice(kv.Key.Trim(), new Setting<Severity>(kv.Value, null, origin, null)))],
            },
        };
    }
}
