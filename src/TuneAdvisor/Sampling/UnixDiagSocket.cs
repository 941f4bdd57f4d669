using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Sampling;

/// <summary>One decoded unix_diag_msg with its attributes. Fields whose attribute was absent are null.</summary>
public readonly record struct UnixDiagSocket
{
    /// <summary>SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_SEQPACKET 5.</summary>
    public int Type { get; init; }
    public int State { get; init; }
    public uint Inode { get; init; }
    public ulong Cookie { get; init; }
    /// <summary>The bound name as ss prints it ("/run/x.sock", "@abstract"); null for an unnamed socket.</summary>
    public string? Name { get; init; }
    /// <summary>UNIX_DIAG_RQLEN: for a listener the accept queue; otherwise bytes queued.</summary>
    public long? RecvQueue { get; init; }
    /// <summary>UNIX_DIAG_RQLEN: for a listener the backlog limit.</summary>
    public long? SendQueue { get; init; }
    public uint? PeerInode { get; init; }
    /// <summary>UNIX_DIAG_VFS: the inode of the socket file on disk (path sockets only).</summary>
    public uint? VfsInode { get; init; }
    public uint? VfsDevice { get; init; }
    public SocketMemory? Memory { get; init; }
    public string? Problem { get; init; }
}
