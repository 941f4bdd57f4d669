
namespace TuneAdvisor.Tests.Collection.Processes;

/// <summary>A fake procfs in a temp dir: PID/stat, cmdline, limits and fd/N symlinks ("socket:[123]"). Deleted on Dispose.</summary>
internal sealed class ProcFixture : IDisposable
{
    public ProcFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ta-proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public ProcFixture Process(int pid, string comm, string cmdline = "", string limits = DefaultLimits, params (int Fd, string Target)[] fds)
    {
        var dir = Path.Combine(Root, pid.ToString());
        Directory.CreateDirectory(Path.Combine(dir, "fd"));
        File.WriteAllText(Path.Combine(dir, "stat"), $"{pid} ({comm}) S 1 {pid} {pid} 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 100 1000 10");
        File.WriteAllText(Path.Combine(dir, "cmdline"), cmdline);
        File.WriteAllText(Path.Combine(dir, "limits"), limits);
        foreach (var (fd, target) in fds)
            File.CreateSymbolicLink(Path.Combine(dir, "fd", fd.ToString()), target);
        return this;
    }

    public void File_(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public const string DefaultLimits =
        "Limit                     Soft Limit           Hard Limit           Units     \n" +
        "Max cpu time              unlimited            unlimited            seconds   \n" +
        "Max open files            1024                 524288               files     \n" +
        "Max locked memory         8388608              8388608              bytes     \n";

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
