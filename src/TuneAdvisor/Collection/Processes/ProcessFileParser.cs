using System.Globalization;

namespace TuneAdvisor.Collection.Processes;

/// <summary>Pure parsers for the small per-process files: /proc/PID/stat, cmdline and limits.</summary>
public static class ProcessFileParser
{
    /// <summary>The command name (comm) between the first '(' and the last ')' of /proc/PID/stat; null if malformed.</summary>
    public static string? Comm(string stat)
    {
        int open = stat.IndexOf('(');
        int close = stat.LastIndexOf(')');
        return open >= 0 && close > open ? stat[(open + 1)..close] : null;
    }

    /// <summary>/proc/PID/cmdline with its NUL separators turned into spaces; null when empty (kernel threads, zombies).</summary>
    public static string? CommandLine(ReadOnlySpan<byte> cmdline)
    {
        var trimmed = cmdline.TrimEnd((byte)0);
        if (trimmed.Length == 0)
            return null;
        return System.Text.Encoding.UTF8.GetString(trimmed).Replace('\0', ' ');
    }

    /// <summary>
    /// The "Max open files" soft and hard limits of /proc/PID/limits. "unlimited" (which Linux refuses for
    /// RLIMIT_NOFILE, so only a hand-made file has it) and unparsable values are null, with a reason in
    /// <paramref name="problem"/>.
    /// </summary>
    public static (long? Soft, long? Hard) NofileLimits(string limits, out string? problem)
    {
        problem = null;
        foreach (var raw in limits.Split('\n'))
        {
            if (!raw.StartsWith("Max open files", StringComparison.Ordinal))
                continue;
            var fields = raw["Max open files".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                problem = "'Max open files' line has fewer than two values";
                return (null, null);
            }
            var soft = Limit(fields[0], ref problem);
            var hard = Limit(fields[1], ref problem);
            return (soft, hard);
        }
        problem = "no 'Max open files' line";
        return (null, null);
    }

    private static long? Limit(string text, ref string? problem)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        problem = text == "unlimited"
            ? "open-file limit reported as 'unlimited' (not a value Linux allows for RLIMIT_NOFILE); recorded as unknown"
            : $"open-file limit '{text}' is not a number; recorded as unknown";
        return null;
    }
}
