using System.Runtime.InteropServices;

namespace TuneAdvisor.IO.Native;

/// <summary>
/// The few libc calls the collectors need (sockets, the process walk, <see cref="BoundedFileReader"/>, which every file read goes through): the one import set. Blittable signatures only (Native AOT);
/// every call sets errno, read with <see cref="Marshal.GetLastPInvokeError"/>.
/// </summary>
internal static unsafe partial class LibC
{
    private const string Lib = "libc";

    public const int EINTR = 4;
    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int EAGAIN = 11;
    public const int ENOTDIR = 20;
    public const int EPERM = 1;
    public const int ENOBUFS = 105;
    public const int EPROTONOSUPPORT = 93;
    public const int EAFNOSUPPORT = 97;
    public const int EOPNOTSUPP = 95;

    public const int SOCK_RAW = 3;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int SOL_SOCKET = 1;
    public const int SO_RCVTIMEO = 20;
    public const int SO_RCVBUF = 8;
    /// <summary>SO_RCVBUF past net.core.rmem_max; needs CAP_NET_ADMIN.</summary>
    public const int SO_RCVBUFFORCE = 33;
    /// <summary>u32[SK_MEMINFO_VARS] of the socket's own memory counters; index 8 is sk_drops.</summary>
    public const int SO_MEMINFO = 55;
    public const int SOL_NETLINK = 270;
    public const int NETLINK_ADD_MEMBERSHIP = 1;
    public const int MSG_TRUNC = 0x20;

    public const int O_RDONLY = 0;
    /// <summary>Open without waiting: a FIFO with no writer opens at once (x86_64 and aarch64 share the value 04000).</summary>
    public const int O_NONBLOCK = 0x800;
    /// <summary>A terminal named as a file never becomes the controlling terminal.</summary>
    public const int O_NOCTTY = 0x100;
    public const int O_DIRECTORY = 0x10000;
    public const int O_CLOEXEC = 0x80000;
    public const int AT_FDCWD = -100;
    /// <summary>statx on the descriptor itself (an empty path).</summary>
    public const int AT_EMPTY_PATH = 0x1000;
    public const uint STATX_TYPE = 0x1;
    public const uint STATX_SIZE = 0x200;
    /// <summary>sizeof(struct statx): the same on every architecture (the point of statx).</summary>
    public const int StatxSize = 256;
    /// <summary>Offsets in struct statx: u32 stx_mask @0, u16 stx_mode @28, u64 stx_size @40.</summary>
    public const int StatxMaskOffset = 0, StatxModeOffset = 28, StatxSizeOffset = 40;

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, byte* addr, uint addrlen);

    [LibraryImport(Lib, EntryPoint = "sendto", SetLastError = true)]
    public static partial nint SendTo(int fd, byte* buf, nuint len, int flags, byte* addr, uint addrlen);

    [LibraryImport(Lib, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, byte* buf, nuint len, int flags);

    [LibraryImport(Lib, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, void* value, uint len);

    [LibraryImport(Lib, EntryPoint = "getsockopt", SetLastError = true)]
    public static partial int GetSockOpt(int fd, int level, int name, void* value, uint* len);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags);

    [LibraryImport(Lib, EntryPoint = "openat", SetLastError = true)]
    public static partial int OpenAt(int dirfd, byte* path, int flags, int mode);

    /// <summary>Takes ownership of <paramref name="fd"/> (closedir closes it).</summary>
    [LibraryImport(Lib, EntryPoint = "fdopendir", SetLastError = true)]
    public static partial nint FdOpenDir(int fd);

    /// <summary>
    /// Returns a struct dirent* (64-bit glibc and musl: d_ino u64 @0, d_off i64 @8, d_reclen u16 @16, d_type u8 @18,
    /// d_name @19), or null at the end (errno 0) or on error. readdir rather than getdents64, which glibc only
    /// exports since 2.30 (RHEL 8 has 2.28).
    /// </summary>
    [LibraryImport(Lib, EntryPoint = "readdir", SetLastError = true)]
    public static partial byte* ReadDir(nint dir);

    [LibraryImport(Lib, EntryPoint = "closedir", SetLastError = true)]
    public static partial int CloseDir(nint dir);

    [LibraryImport(Lib, EntryPoint = "readlinkat", SetLastError = true)]
    public static partial nint ReadLinkAt(int dirfd, byte* path, byte* buf, nuint size);

    /// <summary>glibc 2.28+ (RHEL 8) and musl 1.2.5+; the layout of struct statx does not depend on the architecture.</summary>
    [LibraryImport(Lib, EntryPoint = "statx", SetLastError = true)]
    public static partial int Statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);

    public const int SEEK_SET = 0;

    [LibraryImport(Lib, EntryPoint = "lseek", SetLastError = true)]
    public static partial long Lseek(int fd, long offset, int whence);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buf, nuint count);

    [LibraryImport(Lib, EntryPoint = "if_indextoname", SetLastError = true)]
    public static partial byte* IfIndexToName(uint index, byte* name);

    public static int LastError => Marshal.GetLastPInvokeError();

    /// <summary>"ENOENT (2)" style text for notes.</summary>
    public static string ErrnoName(int errno)
    {
        var name = errno switch
        {
            EPERM => "EPERM",
            ENOENT => "ENOENT",
            EINTR => "EINTR",
            EAGAIN => "EAGAIN",
            EACCES => "EACCES",
            16 => "EBUSY",
            ENOTDIR => "ENOTDIR",
            21 => "EISDIR",
            22 => "EINVAL",
            40 => "ELOOP",
            EPROTONOSUPPORT => "EPROTONOSUPPORT",
            EOPNOTSUPP => "EOPNOTSUPP",
            EAFNOSUPPORT => "EAFNOSUPPORT",
            ENOBUFS => "ENOBUFS",
            _ => "errno",
        };
        return $"{name} ({errno})";
    }
}
