using System.Collections.Immutable;

namespace TuneAdvisor.Remediation;

/// <summary>Writes a <see cref="RemediationBundle"/> into a directory (created if needed); the script is made executable.</summary>
public static class RemediationBundleWriter
{
    /// <summary>Writes 90-tuneadvisor.conf, tuneadvisor-apply.sh and tuneadvisor-hints.txt; returns their paths. I/O errors propagate.</summary>
    public static ImmutableArray<string> Write(RemediationBundle bundle, string directory)
    {
        Directory.CreateDirectory(directory);
        var dropIn = Path.Combine(directory, RemediationBundle.DropInName);
        var script = Path.Combine(directory, RemediationBundle.ScriptName);
        var hints = Path.Combine(directory, RemediationBundle.HintsName);
        File.WriteAllText(dropIn, bundle.DropIn);
        File.WriteAllText(script, bundle.Script);
        File.WriteAllText(hints, bundle.Hints.IsEmpty ? "No manual steps.\n" : string.Concat(bundle.Hints.Select(h => h + "\n")));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return [dropIn, script, hints];
    }
}
