using System.Runtime.InteropServices;

namespace TuneAdvisor.Tests.Support;

/// <summary>Named pipes for tests: a FIFO nobody writes to, which a plain open(2) for reading waits on forever.</summary>
public static class Fifo
{
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    /// <summary>Creates a FIFO at <paramref name="path"/> (creating its folder) and returns the path.</summary>
    public static string Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (MkFifo(path, Convert.ToUInt32("644", 8)) != 0)
            throw new IOException($"mkfifo {path}: errno {Marshal.GetLastWin32Error()}");
        return path;
    }
}
