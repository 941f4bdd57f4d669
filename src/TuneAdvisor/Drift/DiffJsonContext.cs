using System.Text.Json.Serialization;

namespace TuneAdvisor.Drift;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DiffDocument))]
internal sealed partial class DiffJsonContext : JsonSerializerContext;
