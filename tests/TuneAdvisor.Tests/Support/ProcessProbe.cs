using System.Globalization;
using System.Runtime.InteropServices;

namespace TuneAdvisor.Tests.Support;

/// <summary>
/// What a child process is doing, read from /proc (root, or the same user), so a test can act at the right moment
/// instead of after a guessed sleep: blocked reading its standard input, or holding a netlink socket subscribed to a
/// multicast group (TuneAdvisor's TCP destroy watch, open for the whole live sampling window).
/// </summary>
public static class ProcessProbe
{
    /// <summary>read(2) is 0 on x86_64 and 63 on aarch64 (the generic table).</summary>
    private static readonly string ReadSyscall = RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64 ? "0" : "63";

    /// <summary>Polls <paramref name="condition"/> until it holds or the process ends; false on timeout or exit.</summary>
    public static bool WaitUntil(System.Diagnostics.Process process, Func<int, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            if (condition(process.Id))
                return true;
            Thread.Sleep(20);
        }
        return false;
    }

    /// <summary>
    /// Some thread of the process is blocked in read(2) on its standard input: fd 0 or a duplicate of it (.NET's
    /// Console reads a dup of fd 0), told by the fd's /proc link naming the same pipe.
    /// </summary>
    public static bool IsReadingStandardInput(int pid)
    {
        var stdin = Link($"/proc/{pid}/fd/0");
        if (stdin is null)
            return false;
        foreach (var task in Safe(() => Directory.GetDirectories($"/proc/{pid}/task")))
        {
            var fields = Safe(() => File.ReadAllText(Path.Combine(task, "syscall")).Split(' '));
            if (fields.Length > 1 && fields[0] == ReadSyscall && fields[1].StartsWith("0x", StringComparison.Ordinal)
                && long.TryParse(fields[1][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var fd)
                && Link($"/proc/{pid}/fd/{fd}") == stdin)
                return true;
        }
        return false;
    }

    private static string? Link(string path) => Safe(() => new FileInfo(path).LinkTarget ?? "") is { Length: > 0 } target ? target : null;

    /// <summary>The process holds a netlink socket that joined a multicast group (Groups in /proc/PID/net/netlink is not 0).</summary>
    public static bool HoldsNetlinkGroupSocket(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Safe(() => Directory.GetFiles($"/proc/{pid}/fd")))
            if (Link(fd) is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                inodes.Add(target[8..^1]);
        foreach (var line in Safe(() => File.ReadAllLines($"/proc/{pid}/net/netlink")).Skip(1))
        {
            var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length >= 10 && cols[3] != "00000000" && inodes.Contains(cols[9])
                && uint.TryParse(cols[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
                return true;
        }
        return false;
    }

    private static T[] Safe<T>(Func<T[]> read) where T : class
    {
        try { return read(); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    private static string? Safe(Func<string> read)
    {
        try { return read(); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
