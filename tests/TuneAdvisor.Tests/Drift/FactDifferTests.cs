using TuneAdvisor.Drift;
using static TuneAdvisor.Tests.Drift.DriftFixture;

namespace TuneAdvisor.Tests.Drift;

public sealed class FactDifferTests
{
    private const string First = """
        kernel: "6.1.0-18-amd64"
        sysctls: { net.core.somaxconn: 4096, kernel.random.uuid: 8b1d-1 }
        counters: { TcpExt.ListenOverflows: 90 }
        gauges: { sockstat.TCP.inuse: 12 }
        listeners:
          - { protocol: tcp, local: "127.0.0.1:8080", recvQ: 0, sendQ: 128, process: python3, pid: 4242 }
        processes:
          - { pid: 4242, name: python3, fds: 12 }
        """;

    // The same host a little later: only values that change by themselves differ.
    private const string Later = """
        kernel: "6.1.0-18-amd64"
        sysctls: { net.core.somaxconn: 4096, kernel.random.uuid: 77aa-2 }
        counters: { TcpExt.ListenOverflows: 95 }
        gauges: { sockstat.TCP.inuse: 14 }
        listeners:
          - { protocol: tcp, local: "127.0.0.1:8080", recvQ: 3, sendQ: 128, process: python3, pid: 5151 }
        processes:
          - { pid: 5151, name: python3, fds: 12 }
        """;

    [Fact]
    public void Volatile_values_are_ignored_without_all()
    {
        var diff = Diff(First, Later);
        Assert.Empty(diff.Other);
        Assert.False(diff.HasChanges);
    }

    [Fact]
    public void Volatile_values_are_shown_with_all()
    {
        var before = Snapshot(First);
        var after = Snapshot(Later);
        before = before with { Host = before.Host with { BootId = "boot-1" } };
        after = after with { Host = after.Host with { BootId = "boot-2" }, CapturedAt = before.CapturedAt.AddMinutes(5) };

        var changes = FactDiffer.Compare(before, after, includeVolatile: true);

        Assert.Equal("""
            changed capturedAt: 2026-11-24T12:00:00.0000000+00:00 -> 2026-11-24T12:05:00.0000000+00:00 (volatile)
            changed counter TcpExt.ListenOverflows: 90 -> 95 (volatile)
            changed gauge sockstat.TCP.inuse: 12 -> 14 (volatile)
            changed host bootId: boot-1 -> boot-2 (volatile)
            changed listener tcp 127.0.0.1:8080 processes: python3(4242) -> python3(5151) (volatile)
            changed listener tcp 127.0.0.1:8080 recvQ: 0 -> 3 (volatile)
            removed process python3(4242): present -> - (volatile)
            removed process python3(4242) fdCount: 12 -> - (volatile)
            added process python3(5151): - -> present (volatile)
            added process python3(5151) fdCount: - -> 12 (volatile)
            changed sysctl kernel.random.uuid: 8b1d-1 -> 77aa-2 (volatile)
            """.ReplaceLineEndings("\n"), Lines(changes));
    }

    [Fact]
    public void Stable_host_facts_are_compared_without_all()
    {
        var diff = Diff(First, First.Replace("6.1.0-18-amd64", "6.12.9-amd64"));
        Assert.Equal("changed host kernel: 6.1.0-18-amd64 -> 6.12.9-amd64", Lines(diff.Other));
        Assert.True(diff.HasChanges);
    }
}
