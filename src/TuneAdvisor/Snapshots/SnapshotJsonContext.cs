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
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SystemSnapshot))]
[JsonSerializable(typeof(ImmutableArray<ConnectionInfo>))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
