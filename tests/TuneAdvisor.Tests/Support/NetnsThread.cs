using System.Runtime.InteropServices;

namespace TuneAdvisor.Tests.Support;

/// <summary>
/// Runs code on a fresh thread that has joined a network namespace (setns(2) on /run/netns/NAME). setns changes only
/// the calling thread, so the test process stays where it is. Reads of /proc/sys/net on that thread show the
/// namespace's sysctls; /proc/net (= /proc/self/net, the process's) does NOT, so point ProcRoot's net/ at
/// /proc/PID/net of a process living in the namespace.
/// </summary>
public static class NetnsThread
{
    private const int CloneNewNet = 0x40000000;

    public static T Run<T>(string netnsName, Func<T> work)
    {
        T? result = default;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(Path.Combine("/run/netns", netnsName));
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new InvalidOperationException($"setns({netnsName}) failed: errno {Marshal.GetLastPInvokeError()}");
                result = work();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (error is not null)
            throw new InvalidOperationException("work inside the namespace failed", error);
        return result!;
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(int fd, int nstype);
}
