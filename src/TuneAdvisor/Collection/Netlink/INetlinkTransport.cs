
namespace TuneAdvisor.Collection.Netlink;

/// <summary>What <see cref="NetlinkDumper"/> needs of a socket; <see cref="NetlinkSocket"/> in production, a replay in tests.</summary>
public interface INetlinkTransport
{
    /// <summary>Sends one request. Returns 0 or the errno.</summary>
    int Send(ReadOnlySpan<byte> message);

    /// <summary>Receives one datagram. Returns 0 or the errno; <paramref name="length"/> is the real (untruncated) length.</summary>
    int Receive(Span<byte> buffer, out int length);
}
