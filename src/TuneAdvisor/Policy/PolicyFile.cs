using TuneAdvisor.Diagnostics;
using TuneAdvisor.Rules;

namespace TuneAdvisor.Policy;

/// <summary>
/// A team's audit policy, kept in version control beside the image or the fleet it gates (see schemas/policy.schema.json):
/// <code>
/// extends: [golden-image]
/// rulesVersion: 0.1.0
/// failOn: warning
/// disable: [TA1013]
/// severity: { TA1003: error, buffers: { value: info, why: "we run no bulk transfers" } }
/// options: { TA1002: { fill: 90% } }
/// overrides:
///   - { hostname: "db-*", severity: { TA1601: error } }
/// waivers:
///   - { rule: TA1013, subject: "listener tcp *:2379", justification: "etcd pinned until the upgrade", ticket: OPS-123, expires: 2027-01-31 }
/// </code>
/// This is the file read on its own and resolved for no particular host (selectors that need a hostname, a kernel or a
/// tag do not apply); an audit loads it through <see cref="PolicyLoader"/> and resolves it for the snapshot's host.
/// </summary>
public sealed record PolicyFile(AuditPolicy Policy, Severity? FailOn)
{
    /// <summary>Reads and checks a policy file; null (with errors in <paramref name="diagnostics"/>) when it cannot be used.</summary>
    public static PolicyFile? Load(string path, RuleSet rules, DiagnosticBag diagnostics) =>
        Of(PolicyLoader.Load(path, rules, diagnostics));

    public static PolicyFile? Parse(string text, string path, RuleSet rules, DiagnosticBag diagnostics) =>
        Of(PolicyLoader.Parse(text, path, rules, diagnostics));

    private static PolicyFile? Of(PolicyChain? chain) =>
        chain is null ? null : new PolicyFile(PolicyResolver.Resolve(chain, HostFacts.None).Policy, chain.FailOn?.Value);
}
