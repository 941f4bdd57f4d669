using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Snapshots;

/// <summary>The newer-kernel fields are stored with presence bits; they must still behave as plain nullable properties.</summary>
public sealed class TcpInfoTests
{
    [Fact]
    public void Zero_is_a_value_and_null_is_unknown()
    {
        var info = new TcpInfo { Length = 280, PacingRate = 0, TotalRto = 0 };
        Assert.Equal(0UL, info.PacingRate);
        Assert.Equal((ushort)0, info.TotalRto);
        Assert.Null(info.BytesAcked);
        Assert.Null(new TcpInfo().TotalRtoTimeMs);
    }

    [Fact]
    public void With_sets_and_clears_one_field_and_leaves_the_others()
    {
        var info = new TcpInfo { BytesAcked = 5, BytesReceived = 7, TotalRtoTimeMs = 9 };
        var cleared = info with { BytesAcked = null };
        Assert.Null(cleared.BytesAcked);
        Assert.Equal(7UL, cleared.BytesReceived);
        Assert.Equal(9U, cleared.TotalRtoTimeMs);
        Assert.Equal(5UL, info.BytesAcked);
        Assert.Equal(11UL, (info with { BytesAcked = 11 }).BytesAcked);
    }

    [Fact]
    public void Equality_sees_values_and_unknowns()
    {
        Assert.Equal(new TcpInfo { SegsOut = 3 }, new TcpInfo { SegsOut = 3 });
        Assert.NotEqual(new TcpInfo { SegsOut = 0 }, new TcpInfo());
        Assert.Equal(new TcpInfo(), new TcpInfo { SegsOut = 3 } with { SegsOut = null });
        Assert.Equal(new TcpInfo { SegsOut = 3 }.GetHashCode(), new TcpInfo { SegsOut = 3 }.GetHashCode());
    }
}
