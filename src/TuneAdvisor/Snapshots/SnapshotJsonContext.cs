using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// Source-generated JSON metadata for the snapshot (no reflection, so it works under Native AOT). Null properties are
/// not written (a missing property reads back as null: unknown); indentation is the writer's choice (SnapshotJson).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    AllowTrailingCommas = true,
    MaxDepth = MaxDepth,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SystemSnapshot))]
[JsonSerializable(typeof(ImmutableArray<ConnectionInfo>))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext
{
    /// <summary>Deeper JSON is refused with a diagnostic at its line and column (a snapshot nests five levels).</summary>
    public const int MaxDepth = 64;
}
