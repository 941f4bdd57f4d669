using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;

namespace TuneAdvisor.Configuration;

/// <summary>
/// A directory tree seen as a root file system (a mounted golden image, or "/" on a live host). Every path is
/// relative to the root ("etc/sysctl.d/99-sysctl.conf"), and symbolic links are followed <em>inside</em> the root:
/// an absolute target such as /dev/null or /etc/sysctl.conf names the image's own file, never the host's, and ".."
/// never climbs above the root. Reads never throw; failures come back as null plus a diagnostic.
/// </summary>
public sealed class RootFileSystem
{
    private const int MaxLinkHops = 40;

    public RootFileSystem(string root) => Root = Path.GetFullPath(root);

    /// <summary>The absolute root directory.</summary>
    public string Root { get; }

    /// <summary>True when the root itself is a directory that exists.</summary>
    public bool Exists => Directory.Exists(Root);

    /// <summary>The host path of a root-relative path (without following links).</summary>
    public string HostPath(string relative) => relative.Length == 0 ? Root : Path.Combine(Root, relative);

    /// <summary>
    /// Follows every symbolic link along <paramref name="relative"/> as the kernel would if the root were "/",
    /// and returns the resulting root-relative path without "." or ".." ("" is the root). Null on a link loop.
    /// </summary>
    public string? Resolve(string relative)
    {
        var pending = new Stack<string>();
        PushComponents(pending, relative);
        var resolved = new List<string>();
        int hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part.Length == 0 || part == ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            resolved.Add(part);
            var target = LinkTarget(HostPath(string.Join('/', resolved)));
            if (target is null)
                continue;
            if (++hops > MaxLinkHops)
                return null;
            resolved.RemoveAt(resolved.Count - 1);
            if (target.StartsWith('/'))
                resolved.Clear();
            PushComponents(pending, target);
        }
        return string.Join('/', resolved);
    }

    /// <summary>What a root-relative path is once links are followed.</summary>
    public RootEntryKind KindOf(string relative)
    {
        var resolved = Resolve(relative);
        if (resolved is null)
            return RootEntryKind.LinkLoop;
        if (resolved == "dev/null")
            return RootEntryKind.DevNull;
        var host = HostPath(resolved);
        if (Directory.Exists(host))
            return RootEntryKind.Directory;
        return File.Exists(host) ? RootEntryKind.File : RootEntryKind.Missing;
    }

    /// <summary>
    /// Reads a text file (links followed inside the root). A link to /dev/null reads as "". Missing files give null
    /// without a diagnostic; unreadable or oversized ones give null or a truncated text plus a diagnostic.
    /// </summary>
    public string? ReadText(string relative, ICollection<Diagnostic>? diagnostics)
    {
        var resolved = Resolve(relative);
        if (resolved is null)
        {
            diagnostics?.Add(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(relative), $"{relative}: too many levels of symbolic links"));
            return null;
        }
        if (resolved == "dev/null")
            return "";
        var host = HostPath(resolved);
        if (!File.Exists(host))
            return null;
        var reader = new BoundedFileReader(FileReadLimits.ImageFile);
        switch (reader.TryRead(host, out var text))
        {
            case ReadStatus.Ok:
                return text;
            case ReadStatus.Missing:
                return null;
            case ReadStatus.TooLarge:
                diagnostics?.Add(Diagnostic.Create(KnownDiagnostics.TruncatedInput, SourceSpan.File(relative), $"{relative} is larger than {reader.Limits.Describe()}; only the start was read"));
                return text;
            case ReadStatus.PermissionDenied:
                diagnostics?.Add(Diagnostic.Create(KnownDiagnostics.PermissionDenied, SourceSpan.File(relative), relative));
                return null;
            case ReadStatus.NotRegularFile:
                // A FIFO or a device (say, a sysctl.d entry) is refused unread, so it can neither block nor fill memory,
                // and skipped like a file that sets nothing: the rest of the image is still read.
                diagnostics?.Add(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(relative), reader.Describe(ReadStatus.NotRegularFile, relative) + "; skipped") with { Severity = Severity.Warning });
                return null;
            case var status:
                diagnostics?.Add(Diagnostic.Create(KnownDiagnostics.InputUnreadable, SourceSpan.File(relative), reader.Describe(status, relative)));
                return null;
        }
    }

    /// <summary>Names of the entries of a directory (links followed inside the root), sorted ordinally; empty when it is missing.</summary>
    public IReadOnlyList<string> ListNames(string relativeDirectory)
    {
        var resolved = Resolve(relativeDirectory);
        if (resolved is null || resolved == "dev/null")
            return [];
        var host = HostPath(resolved);
        try
        {
            if (!Directory.Exists(host))
                return [];
            var names = Directory.GetFileSystemEntries(host).Select(Path.GetFileName).OfType<string>().ToList();
            names.Sort(StringComparer.Ordinal);
            return names;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// Expands a root-relative pattern whose components may hold shell wildcards (*, ?, [...]), as glob(3) does:
    /// matches sorted ordinally, names starting with "." only matched by a pattern starting with ".". A pattern
    /// without wildcards comes back as itself when it exists.
    /// </summary>
    public IReadOnlyList<string> Glob(string relativePattern)
    {
        var parts = relativePattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { "" };
        foreach (var part in parts)
        {
            var next = new List<string>();
            foreach (var prefix in current)
            {
                if (!ShellPattern.HasWildcards(part))
                {
                    next.Add(Join(prefix, part));
                    continue;
                }
                foreach (var name in ListNames(prefix))
                    if ((!name.StartsWith('.') || part.StartsWith('.')) && ShellPattern.IsMatch(part, name))
                        next.Add(Join(prefix, name));
            }
            current = next;
        }
        return current.Where(p => p.Length > 0 && KindOf(p) != RootEntryKind.Missing).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "/" + name;

    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        for (int i = parts.Length - 1; i >= 0; i--)
            pending.Push(parts[i]);
    }

    private static string? LinkTarget(string hostPath)
    {
        try
        {
            return new FileInfo(hostPath).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
