using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Rules;

/// <summary>What a rule is, independent of any snapshot: the Roslyn-style descriptor.</summary>
public sealed record RuleDescriptor
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string MessageFormat { get; init; }
    public required string Category { get; init; }
    public required Severity DefaultSeverity { get; init; }
    public bool EnabledByDefault { get; init; } = true;
    public required string Scope { get; init; }
    /// <summary>The text of the rule's <c>where:</c> filter, or null.</summary>
    public string? Where { get; init; }
    public required string Condition { get; init; }
    /// <summary>The rule file, as a display path ("rules/listen/TA1001-somaxconn-low.yaml").</summary>
    public required string Path { get; init; }
    /// <summary>The help page's display path and Markdown text, when present.</summary>
    public string? HelpPath { get; init; }
    public string? HelpText { get; init; }
    public ImmutableArray<string> Tags { get; init; } = [];
    public ImmutableArray<string> References { get; init; } = [];
    public string? Since { get; init; }
    public string? Kernel { get; init; }
    public ImmutableArray<RuleOption> Options { get; init; } = [];
    public RemediationTemplate? Remediation { get; init; }
}

/// <summary>A rule option as declared: its name, type, default (as written) and description.</summary>
public sealed record RuleOption(string Name, string Type, string Default, string Description);
