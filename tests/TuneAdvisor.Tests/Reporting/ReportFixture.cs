using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Policy;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Rules;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Reporting;

/// <summary>A fixed snapshot and time, evaluated with the built-in rules, for byte-stable report tests.</summary>
public static class ReportFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public const string Fragment = """
        kernel: "6.1.0-18-amd64"
        hostname: web-01
        interval: 10
        sysctls:
          net.core.somaxconn: 128
          net.ipv4.tcp_syncookies: 1
        counters: { TcpExt.ListenOverflows: 90, TcpExt.ListenDrops: 90 }
        deltas: { TcpExt.ListenOverflows: 12, TcpExt.ListenDrops: 12 }
        listeners:
          - { protocol: tcp, local: "127.0.0.1:8080", recvQ: 9, sendQ: 8, process: python3, pid: 4242 }
          - { protocol: tcp, local: "[::]:443", recvQ: 0, sendQ: 128, process: nginx, pid: 900 }
          - { protocol: tcp, local: "0.0.0.0:25", recvQ: 1 }
        """;

    /// <summary>Four SO_REUSEPORT sockets of nginx on one address, the third one full.</summary>
    public const string ReuseportFragment = """
        kernel: "6.1.0-18-amd64"
        hostname: edge-01
        sysctls: { net.core.somaxconn: 4096 }
        listeners:
          - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 0, sendQ: 511, process: nginx, pid: 101 }
          - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 3, sendQ: 511, process: nginx, pid: 102 }
          - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 512, sendQ: 511, process: nginx, pid: 103 }
          - { protocol: tcp, local: "0.0.0.0:8443", recvQ: 0, sendQ: 511, process: nginx, pid: 104 }
          - { protocol: tcp, local: "0.0.0.0:22", recvQ: 0, sendQ: 128, process: sshd, pid: 1 }
        """;

    public static AnalysisResult Result(AuditPolicy? policy = null, string fragment = Fragment)
    {
        var map = (YamlMapping)YamlTreeReader.Read(fragment, "fixture", new DiagnosticBag())!;
        var snapshot = SnapshotFragment.Build(map, Now);
        return Advisor.Analyze(snapshot, RuleSet.Load(builtIn: true, []), policy ?? AuditPolicy.Default, ImmutableArray<Diagnostic>.Empty, Now)
            with { ToolVersion = "0.0.0-test" };
    }
}
