using System.Collections.Immutable;
using YamlDotNet.Core;

namespace TuneAdvisor.Yaml;

/// <summary>A YAML node with its 1-based start position, built from parser events (AOT-safe, keeps marks).</summary>
public abstract record YamlNode(Mark Start, Mark End)
{
    public int Line => (int)Start.Line;
    public int Column => (int)Start.Column;
}

public sealed record YamlScalar(Mark Start, Mark End, string Value, ScalarStyle Style) : YamlNode(Start, End)
{
    public bool IsNull => Style == ScalarStyle.Plain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}

public sealed record YamlSequence(Mark Start, Mark End, ImmutableArray<YamlNode> Items) : YamlNode(Start, End);

public sealed record YamlMapping(Mark Start, Mark End, ImmutableArray<KeyValuePair<YamlScalar, YamlNode>> Entries) : YamlNode(Start, End)
{
    public YamlNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}
