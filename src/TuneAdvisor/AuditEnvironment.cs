using TuneAdvisor.Collection;

namespace TuneAdvisor;

/// <summary>
/// What an audit may touch outside its request, injected so tests and embedders control it: the clock and the
/// /proc, /sys and configuration roots (through <see cref="Collection"/>), and standard input ("--snapshot -").
/// The library never reads <see cref="Console"/> itself.
/// </summary>
public sealed record AuditEnvironment
{
    public CollectionContext Collection { get; init; } = CollectionContext.Live;

    /// <summary>Read for a source named "-"; empty unless the caller passes its standard input.</summary>
    public TextReader StandardInput { get; init; } = TextReader.Null;

    public TimeProvider Time => Collection.Time;

    /// <summary>Where policy discovery starts (tuneadvisor.yaml here or in a parent); the process's current directory by default.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The user's home folder, where policy discovery stops; $HOME by default.</summary>
    public string? Home { get; init; } = Environment.GetEnvironmentVariable("HOME");

    /// <summary>The live host with the given standard input (the CLI passes <see cref="Console.In"/>).</summary>
    public static AuditEnvironment Live(TextReader standardInput) => new() { StandardInput = standardInput };
}
