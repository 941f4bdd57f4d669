using System.Collections.Immutable;

namespace TuneAdvisor.Sources.Image.Apps;

/// <summary>One nginx directive: its name, arguments, block (null for a simple directive) and where it is.</summary>
public sealed record NginxDirective(string Name, ImmutableArray<string> Args, ImmutableArray<NginxDirective>? Block, string File, int Line)
{
    public string Location => $"{File}:{Line}";
}
