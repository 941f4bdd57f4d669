using TuneAdvisor.Drift;
using static TuneAdvisor.Tests.Drift.DriftFixture;

namespace TuneAdvisor.Tests.Drift;

public sealed class ListenerDifferTests
{
    [Fact]
    public void Listeners_appear_disappear_and_change_backlog_but_a_fuller_queue_is_no_change()
    {
        var before = Snapshot("""
            listeners:
              - { protocol: tcp, local: "0.0.0.0:22", recvQ: 0, sendQ: 128 }
              - { protocol: tcp, local: "127.0.0.1:5432", recvQ: 0, sendQ: 244 }
              - { protocol: tcp, local: "[::]:443", recvQ: 0, sendQ: 511 }
            """);
        var after = Snapshot("""
            listeners:
              - { protocol: tcp, local: "0.0.0.0:22", recvQ: 7, sendQ: 128 }
              - { protocol: tcp, local: "[::]:443", recvQ: 0, sendQ: 4096 }
              - { protocol: tcp, local: "127.0.0.1:8080", recvQ: 0, sendQ: 16 }
            """);

        Assert.Equal("""
            disappeared listener tcp 127.0.0.1:5432: backlog 244 -> -
            appeared listener tcp 127.0.0.1:8080: backlog - -> 16
            changed listener tcp [::]:443: backlog 511 -> 4096
            """.ReplaceLineEndings("\n"), Lines(ListenerDiffer.Compare(before, after)));
    }

    [Fact]
    public void Reuseport_group_members_are_numbered_as_findings_number_them()
    {
        var before = Snapshot("""
            listeners:
              - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 0, sendQ: 511, process: nginx, pid: 101 }
              - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 0, sendQ: 511, process: nginx, pid: 102 }
            """);
        var after = Snapshot("""
            listeners:
              - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 0, sendQ: 511, process: nginx, pid: 201 }
              - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 0, sendQ: 1024, process: nginx, pid: 202 }
              - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 0, sendQ: 511, process: nginx, pid: 203 }
            """);

        // New pids are no change; #2's backlog is, and #3 joined the group.
        Assert.Equal("""
            changed listener tcp 0.0.0.0:8443 #2: backlog 511 -> 1024
            appeared listener tcp 0.0.0.0:8443 #3: backlog - -> 511
            """.ReplaceLineEndings("\n"), Lines(ListenerDiffer.Compare(before, after)));
    }

    [Fact]
    public void A_lone_listener_is_the_first_member_when_a_second_socket_joins_it()
    {
        var before = Snapshot("listeners: [ { protocol: tcp, local: \"0.0.0.0:443\", recvQ: 0, sendQ: 511 } ]");
        var after = Snapshot("""
            listeners:
              - { protocol: tcp, local: "0.0.0.0:443", recvQ: 0, sendQ: 511 }
              - { protocol: tcp, local: "0.0.0.0:443", recvQ: 0, sendQ: 511 }
            """);
        Assert.Equal("appeared listener tcp 0.0.0.0:443 #2: backlog - -> 511", Lines(ListenerDiffer.Compare(before, after)));
        Assert.Equal("disappeared listener tcp 0.0.0.0:443 #2: backlog 511 -> -", Lines(ListenerDiffer.Compare(after, before)));
    }

    [Fact]
    public void A_backlog_one_side_cannot_tell_and_udp_byte_queues_are_no_change()
    {
        var before = Snapshot("""
            listeners:
              - { protocol: tcp, local: "0.0.0.0:80", recvQ: 0 }
              - { protocol: udp, local: "0.0.0.0:53", recvQ: 0, sendQ: 0 }
            """);
        var after = Snapshot("""
            listeners:
              - { protocol: tcp, local: "0.0.0.0:80", recvQ: 0, sendQ: 511 }
              - { protocol: udp, local: "0.0.0.0:53", recvQ: 2048, sendQ: 768 }
            """);
        Assert.Empty(ListenerDiffer.Compare(before, after));
    }
}
