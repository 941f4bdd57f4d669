
namespace TuneAdvisor.Configuration;

/// <summary>What a path inside a <see cref="RootFileSystem"/> is once links are followed.</summary>
public enum RootEntryKind
{
    Missing,
    File,
    Directory,
    /// <summary>A link to /dev/null (inside the root): a mask.</summary>
    DevNull,
    LinkLoop,
}
