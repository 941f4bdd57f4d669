using System.Text.Json.Serialization;

namespace TuneAdvisor.Snapshots;

/// <summary>Source-generated JSON metadata for the snapshot (no reflection, so it works under Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SystemSnapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
