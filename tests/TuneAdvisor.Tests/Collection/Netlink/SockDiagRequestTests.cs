using TuneAdvisor.Collection.Netlink;
using TuneAdvisor.Knowledge;

namespace TuneAdvisor.Tests.Collection.Netlink;

public sealed class SockDiagRequestTests
{
    [Fact]
    public void InetRequestIsNlmsghdrPlusInetDiagReqV2()
    {
        var bytes = SockDiagRequest.Inet(10, 6, 0xFFF, 0x4A, 0x01020304);
        Assert.Equal(
            "48000000" + "1400" + "0103" + "04030201" + "00000000"   // len 72, SOCK_DIAG_BY_FAMILY, REQUEST|DUMP, seq, pid
            + "0a" + "06" + "4a" + "00" + "ff0f0000"                  // family, protocol, ext, pad, states
            + new string('0', 96),                                    // inet_diag_sockid: zeros for a dump
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void UnixRequestIsNlmsghdrPlusUnixDiagReq()
    {
        var bytes = SockDiagRequest.Unix(1u << 10, 0x37);
        Assert.Equal(
            "28000000" + "1400" + "0103" + "00000000" + "00000000"
            + "01" + "00" + "0000" + "00040000" + "00000000" + "37000000" + "0000000000000000",
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void ExtensionBitsAreOneShiftedByAttributeMinusOne()
    {
        Assert.Equal(0x02, NetlinkConstants.ExtInfo);
        Assert.Equal(0x08, NetlinkConstants.ExtCong);
        Assert.Equal(0x40, NetlinkConstants.ExtSkMemInfo);
        Assert.Equal(0u, NetlinkConstants.AllStates & (1u << 13));
    }
}
