using System.Collections.Immutable;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Rules;

/// <summary>
/// A rule file as written, before compilation: every field keeps its YAML scalar so diagnostics can point
/// at it. Produced by <see cref="RuleLoader"/>; turned into a <see cref="Rule"/> by <see cref="RuleCompiler"/>.
/// </summary>
public sealed record RuleDocument
{
    public required string Path { get; init; }
    public required string Text { get; init; }
    public YamlScalar? Id { get; init; }
    public YamlScalar? Title { get; init; }
    public YamlScalar? Message { get; init; }
    public YamlScalar? Category { get; init; }
    public YamlScalar? Severity { get; init; }
    public YamlScalar? EnabledByDefault { get; init; }
    public YamlScalar? Scope { get; init; }
    /// <summary>Optional filter over the scope's items: only those where it holds are the rule's subjects.</summary>
    public YamlScalar? Where { get; init; }
    public YamlScalar? Condition { get; init; }
    public ImmutableArray<EscalationDocument> Escalate { get; init; } = [];
    public ImmutableArray<OptionDocument> Options { get; init; } = [];
    public RemediationDocument? Remediation { get; init; }
    public YamlScalar? Help { get; init; }
    public ImmutableArray<YamlScalar> Tags { get; init; } = [];
    public ImmutableArray<YamlScalar> References { get; init; } = [];
    public YamlScalar? Since { get; init; }
    public YamlScalar? Kernel { get; init; }
}

/// <summary>A raised severity when an extra condition holds (e.g. "critical when the rate is sustained").</summary>
public sealed record EscalationDocument(YamlScalar? When, YamlScalar? Severity, YamlNode Node);

/// <summary>A named, typed rule parameter; its type is the type of its default literal (90%, 1024, 5s, "fq").</summary>
public sealed record OptionDocument(YamlScalar Name, YamlScalar? Default, YamlScalar? Description);

/// <summary>The code fix: a summary, sysctl settings (values may contain {expression} holes), commands and application hints.</summary>
public sealed record RemediationDocument(
    YamlScalar? Summary,
    ImmutableArray<KeyValuePair<YamlScalar, YamlScalar>> Sysctls,
    ImmutableArray<YamlScalar> Commands,
    ImmutableArray<YamlScalar> Hints);
