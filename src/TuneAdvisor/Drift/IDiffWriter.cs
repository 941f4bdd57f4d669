
namespace TuneAdvisor.Drift;

/// <summary>Renders a diff in one format. Writers never decide the exit code.</summary>
public interface IDiffWriter
{
    /// <summary>The --format name: md or json.</summary>
    string Format { get; }

    string Write(SnapshotDiff diff);
}

/// <summary>The diff formats, listed explicitly (no assembly scanning, so the tool trims and AOT-compiles).</summary>
public static class DiffWriterRegistry
{
    public static IReadOnlyList<IDiffWriter> All { get; } = [new DiffMarkdownWriter(), new DiffJsonWriter()];

    public static IDiffWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> Formats => All.Select(w => w.Format);
}
