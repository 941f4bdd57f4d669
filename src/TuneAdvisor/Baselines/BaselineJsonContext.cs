using System.Text.Json.Serialization;

namespace TuneAdvisor.Baselines;

/// <summary>
/// Source-generated JSON for baseline files (no reflection, so it works under Native AOT). Reading is strict about
/// types and nulls (a null subject is an error, not an empty one) and lenient about members it does not know, so a
/// later tool may add one without a new format version.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
