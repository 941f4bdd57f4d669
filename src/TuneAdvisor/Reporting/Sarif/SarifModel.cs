using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TuneAdvisor.Reporting.Sarif;

// The subset of the SARIF 2.1.0 object model TuneAdvisor writes (names as in the OASIS standard, camelCase in JSON).
// Optional members are null and left out of the output.

public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    ImmutableArray<SarifRun> Runs);

public sealed record SarifRun(SarifTool Tool, ImmutableArray<SarifInvocation> Invocations, ImmutableArray<SarifResult> Results)
{
    public SarifRunAutomationDetails? AutomationDetails { get; init; }
    public SortedDictionary<string, SarifArtifactLocation>? OriginalUriBaseIds { get; init; }
    public SarifRunProperties? Properties { get; init; }
}

public sealed record SarifRunAutomationDetails(string Id);

/// <summary>
/// The run's source and host; <c>policy</c> is the policy file the run read and <c>baseline</c> the baseline file it was
/// compared with (each left out when none).
/// </summary>
public sealed record SarifRunProperties(string SourceKind, string SourceLocation, string? Hostname, string? Kernel, string? Policy = null)
{
    public string? Baseline { get; init; }
}

public sealed record SarifTool(SarifToolComponent Driver);

public sealed record SarifToolComponent(string Name, string Version, ImmutableArray<SarifReportingDescriptor> Rules)
{
    public string? SemanticVersion { get; init; }
    public string? InformationUri { get; init; }
}

public sealed record SarifReportingDescriptor(string Id, string Name, SarifMultiformatMessage ShortDescription, SarifMultiformatMessage FullDescription,
    SarifMultiformatMessage Help, SarifReportingConfiguration DefaultConfiguration, SarifRuleProperties Properties);

public sealed record SarifReportingConfiguration(string Level, bool Enabled);

public sealed record SarifRuleProperties(string Category, ImmutableArray<string> Tags, string Scope, string RulePath);

public sealed record SarifMultiformatMessage(string Text)
{
    public string? Markdown { get; init; }
}

public sealed record SarifMessage(string Text);

public sealed record SarifResult(string RuleId, int RuleIndex, string Kind, string Level, SarifMessage Message, ImmutableArray<SarifLocation> Locations,
    SortedDictionary<string, string> PartialFingerprints, SarifResultProperties Properties)
{
    public ImmutableArray<SarifLocation>? RelatedLocations { get; init; }
    public ImmutableArray<SarifSuppression>? Suppressions { get; init; }
    public ImmutableArray<SarifFix>? Fixes { get; init; }
    /// <summary>new, unchanged or absent (SARIF 2.1.0 §3.27.24), only when the run was compared with a baseline.</summary>
    public string? BaselineState { get; init; }
}

public sealed record SarifResultProperties(string Subject, string Category, ImmutableArray<SarifEvidence> Evidence);

public sealed record SarifEvidence(string Expression, string Value, string? Source);

public sealed record SarifLocation
{
    public int? Id { get; init; }
    public SarifPhysicalLocation? PhysicalLocation { get; init; }
    public ImmutableArray<SarifLogicalLocation>? LogicalLocations { get; init; }
    public SarifMessage? Message { get; init; }
}

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation)
{
    public SarifRegion? Region { get; init; }
}

public sealed record SarifArtifactLocation
{
    public string? Uri { get; init; }
    public string? UriBaseId { get; init; }
    public SarifMessage? Description { get; init; }
}

public sealed record SarifRegion(int StartLine)
{
    public int? StartColumn { get; init; }
    public int? EndLine { get; init; }
    public int? EndColumn { get; init; }
}

public sealed record SarifLogicalLocation(string Name, string FullyQualifiedName, string Kind);

public sealed record SarifSuppression(string Kind, string Status, string Justification);

public sealed record SarifFix(SarifMessage Description, ImmutableArray<SarifArtifactChange> ArtifactChanges);

public sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, ImmutableArray<SarifReplacement> Replacements);

public sealed record SarifReplacement(SarifRegion DeletedRegion, SarifArtifactContent InsertedContent);

public sealed record SarifArtifactContent(string Text);

public sealed record SarifInvocation(bool ExecutionSuccessful, string EndTimeUtc, ImmutableArray<SarifNotification> ToolExecutionNotifications);

public sealed record SarifNotification(SarifDescriptorReference Descriptor, string Level, SarifMessage Message)
{
    public ImmutableArray<SarifLocation>? Locations { get; init; }
}

public sealed record SarifDescriptorReference(string Id);
