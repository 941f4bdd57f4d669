using System.Runtime.InteropServices;

namespace TuneAdvisor.Tests.Support;

/// <summary>
/// Runs a function on a dedicated thread that has joined a network namespace with setns(2). Sockets that thread
/// opens (netlink included) belong to the namespace; /proc/thread-self/net shows its tables (/proc/self/net follows
/// the thread-group leader, which stays in the test's namespace). The thread ends with the call, so no pool thread
/// is ever left in the namespace.
/// </summary>
public static class NetnsThread
{
    private const int CLONE_NEWNET = 0x40000000;

    public static T Run<T>(string netnsName, Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(Path.Combine("/var/run/netns", netnsName));
                if (setns((int)handle.DangerousGetHandle(), CLONE_NEWNET) != 0)
                    throw new InvalidOperationException($"setns({netnsName}) failed: errno {Marshal.GetLastPInvokeError()}");
                result = work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
            throw new InvalidOperationException("work in the namespace failed", failure);
        return result;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);
}
