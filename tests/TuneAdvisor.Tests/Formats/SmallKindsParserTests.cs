using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Formats.Proc;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Formats;

/// <summary>`sysctl -p` with procps' error lines, single /proc/sys files by path, kernel logs and softnet_stat as pasted.</summary>
public sealed class SmallKindsParserTests
{
    private static SampleBuilder Parse(string text, string name, Type expected)
    {
        var sample = new SampleBuilder(DateTimeOffset.UnixEpoch);
        var parser = InputParserRegistry.Default.Parse(text, name, sample);
        Assert.IsType(expected, parser);
        return sample;
    }

    private static List<Diagnostic> Notes(SampleBuilder s) => NoteDiagnostics.FromNotes(s.Notes).ToList();

    [Fact]
    public void Sysctl_p_as_nobody_is_sysctl_output_although_errors_dominate_and_sets_no_key()
    {
        var name = Path.Combine("sysctl-p", "sysctl_-p_nobody.txt");
        var s = Parse(CaptureFiles.Text(name), name, typeof(SysctlOutputParser));
        Assert.Empty(s.Sysctls);
        var notes = Notes(s);
        Assert.Equal(6, notes.Count(d => d.Id == KnownDiagnostics.PermissionDenied.Id));   // procps-ng 4: key "x" in double quotes
        Assert.Contains(notes, d => d.Span.Line == 6 && d.Message.Contains("kernel.nonexistent_key was not set or read", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void Sysctl_p_as_root_keeps_the_written_values_and_notes_the_failures()
    {
        var name = Path.Combine("sysctl-p", "sysctl_-p_root.txt");
        var s = new SampleBuilder(DateTimeOffset.UnixEpoch);
        Assert.Equal(5, SysctlOutputParser.Read(CaptureFiles.Text(name), name, s, out int messages));
        Assert.Equal(2, messages);
        Assert.Equal("4096 131072", s.Sysctls["net.ipv4.tcp_rmem"].Value);
        Assert.Equal("1024 65535", s.Sysctls["net.ipv4.ip_local_port_range"].Value);
        Assert.False(s.Sysctls.ContainsKey("net.ipv4.tcp_max_syn_backlog"));   // "setting key …: Invalid argument"
        Assert.False(s.Sysctls.ContainsKey("kernel.nonexistent_key"));
        Assert.Contains(Notes(s), d => d.Span.Line == 5 && d.Message.Contains("net.ipv4.tcp_max_syn_backlog was not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Sysctl_of_keys_with_a_missing_one()
    {
        var name = Path.Combine("sysctl-p", "sysctl_keys_missing.txt");
        var s = Parse(CaptureFiles.Text(name), name, typeof(SysctlOutputParser));
        Assert.Equal(["net.core.somaxconn", "net.ipv4.tcp_syncookies"], s.Sysctls.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(Notes(s), d => d.Span.Line == 2 && d.Message.Contains("net.ipv4.no_such_key", StringComparison.Ordinal));
    }

    [Fact]
    public void Procps_3_error_wordings_name_their_keys()
    {
        const string text = "$ sudo sysctl -p\n"
            + "net.ipv4.ip_forward = 0\r\n"
            + "error: \"Invalid argument\" setting key \"net.core.rmem_max\"\n"
            + "error: \"net.bridge.bridge-nf-call-iptables\" is an unknown key\n"
            + "  net.core.somaxconn = 1024   \n"
            + "* Applying /etc/sysctl.d/99-sysctl.conf ...\n";
        var s = Parse(text, "p.txt", typeof(SysctlOutputParser));
        Assert.Equal(("0", "1024"), (s.Sysctls["net.ipv4.ip_forward"].Value, s.Sysctls["net.core.somaxconn"].Value));
        var notes = Notes(s);
        Assert.Contains(notes, d => d.Span.Line == 1 && d.Message.Contains("echoed command", StringComparison.Ordinal));
        Assert.Contains(notes, d => d.Span.Line == 3 && d.Message.Contains("net.core.rmem_max was not set", StringComparison.Ordinal));
        Assert.Contains(notes, d => d.Span.Line == 4 && d.Message.Contains("net.bridge.bridge-nf-call-iptables was not set", StringComparison.Ordinal));
        Assert.Contains(notes, d => d.Span.Line == 6 && d.Message.Contains("--system", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, d => d.Severity >= Severity.Warning);
    }

    [Theory]
    [InlineData("proc/sys/net/core/somaxconn", "net.core.somaxconn", "4096")]
    [InlineData("proc/sys/net/ipv4/tcp_rmem", "net.ipv4.tcp_rmem", "4096 131072 33554432")]
    [InlineData("proc/sys/net/netfilter/nf_conntrack_max", "net.netfilter.nf_conntrack_max", "262144")]
    public void A_proc_sys_file_is_keyed_by_its_path(string relative, string key, string value)
    {
        var path = Path.Combine(CaptureFiles.Directory, "proc-sys-file", relative);
        var s = Parse(File.ReadAllText(path), path, typeof(ProcSysFileParser));
        Assert.Equal(new SysctlEntry(value, path + ":1"), s.Sysctls[key]);
        Assert.Contains(SnapshotCapability.Sysctls, s.Capabilities);
    }

    [Fact]
    public void Conntrack_count_and_max_files_are_the_collectors_gauges()
    {
        var count = Parse("0\n", "host1/proc/sys/net/netfilter/nf_conntrack_count", typeof(ProcSysFileParser));
        Assert.Equal(0, count.Gauges["conntrack.count"]);
        Assert.Contains(SnapshotCapability.Conntrack, count.Capabilities);
        var max = Parse("262144\n", @"C:\case\proc\sys\net\netfilter\nf_conntrack_max", typeof(ProcSysFileParser));
        Assert.Equal(262144, max.Gauges["conntrack.max"]);
        Assert.Equal(0, new ProcSysFileParser().Confidence("262144\n"));   // content alone never says /proc/sys
        Assert.Null(ProcSysFileParser.TryKey("notproc/sys/net/core/somaxconn", "1"));
    }

    [Theory]
    [InlineData("dmesg_tail.txt", 6)]
    [InlineData("dmesg_-T_tail.txt", 3)]
    [InlineData("dmesg_-x_tail.txt", 3)]
    public void Kernel_logs_without_the_message_record_zero(string name, int messages)
    {
        var file = Path.Combine("kernel-log", name);
        var text = CaptureFiles.Text(file);
        var s = Parse(text, file, typeof(KernelLogParser));
        Assert.Equal(messages, KernelLog.Read(text).Messages.Length);
        Assert.Equal(0, s.Gauges[KernelLogParser.ConntrackTableFullGauge]);
        Assert.Empty(Notes(s));
    }

    [Fact]
    public void Wrapped_and_prefixed_conntrack_messages_count_once_with_their_lines()
    {
        const string text = "root@gw:~# dmesg | grep conntrack\n"
            + "[ 8123.100001] nf_conntrack: nf_conntrack: table full, dropping packet\r\n"
            + "[ 8123.100002] nf_conntrack: table full,\n"
            + "dropping packet\n"
            + "Feb 23 16:44:36 gw kernel: [ 8123.2] ip_conntrack: table full, dropping packet\n"
            + "2024-02-23T16:44:37.123456+00:00 gw kernel: net_ratelimit: 12 callbacks suppressed\n";
        var s = Parse(text, "k.txt", typeof(KernelLogParser));
        Assert.Equal(3, s.Gauges[KernelLogParser.ConntrackTableFullGauge]);
        Assert.Equal("k.txt:2,3-4,5", s.CounterSources[KernelLogParser.ConntrackTableFullGauge]);
        var notes = Notes(s);
        Assert.Contains(notes, d => d.Span.Line == 1 && d.Message.Contains("echoed command", StringComparison.Ordinal));
        Assert.Contains(notes, d => d.Span.Line == 4 && d.Message.Contains("continuation", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void Softnet_stat_pasted_with_a_prompt_and_crlf_and_old_nine_columns()
    {
        var real = CaptureFiles.Text("proc_net_softnet_stat.txt");
        var s = Parse("$ cat /proc/net/softnet_stat\r\n" + real.Replace("\n", "\r\n"), "softnet.txt", typeof(SoftnetStatParser));
        Assert.Equal(InputLine.Split(real).Count(), s.Softnet.Count);
        Assert.Contains(Notes(s), d => d.Span.Line == 1 && d.Message.Contains("echoed command", StringComparison.Ordinal));
        Assert.DoesNotContain(Notes(s), d => d.Severity >= Severity.Warning);
        // Kernels before 2.6.35 print 9 columns: processed, dropped, time_squeeze, five zeros, cpu_collision.
        const string old = "0001e240 00000003 00000001 00000000 00000000 00000000 00000000 00000000 00000000\n"
            + "00002710 00000000 00000002 00000000 00000000 00000000 00000000 00000000 00000000\n";
        var o = Parse(old, "old.txt", typeof(SoftnetStatParser));
        Assert.Equal([(0, 123456L, 3L, 1L), (1, 10000L, 0L, 2L)], o.Softnet.Select(c => (c.Cpu, c.Processed, c.Dropped, c.TimeSqueeze)));
        Assert.Null(o.Softnet[0].ReceivedRps);
    }

    [Theory]
    [InlineData(20, 1)]    // inside the second CPU's column 3 (time_squeeze): fewer than three whole columns, not read
    [InlineData(35, 2)]    // inside its column 4: processed, dropped and time_squeeze are whole
    public void A_softnet_line_cut_inside_a_column_never_reads_the_cut_digits(int cut, int cpus)
    {
        // Every column is %08x, so a shorter last column at the cut lost digits ("00" of "00000002").
        const string first = "00002710 00000000 00000001 00000000 00000000 00000000 00000000 00000000 00000000\n";
        const string second = "0004927d 00000003 00000002 00000000 00000000 00000000 00000000 00000000 00000000\n";
        var s = Parse(first + second[..cut], "softnet.txt", typeof(SoftnetStatParser));
        Assert.Equal(cpus, s.Softnet.Count);
        if (cpus == 2)
            Assert.Equal((299645L, 3L, 2L), (s.Softnet[1].Processed, s.Softnet[1].Dropped, s.Softnet[1].TimeSqueeze));
        Assert.Contains(Notes(s), d => d.Id == KnownDiagnostics.TruncatedInput.Id && d.Span.Line == 2);
    }

    [CorpusFact]
    public void The_new_kinds_claim_no_corpus_file_of_another_kind()
    {
        var mine = new IInputParser[] { new NetstatInterfaceParser(), new IpLinkStatsParser(), new KernelLogParser(), new ProcSysFileParser() };
        var ownNames = new[] { "netstat-i.txt", "kernel-log.txt" };
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus!, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not ("README.md" or "expected.json")))
        {
            if (ownNames.Contains(Path.GetFileName(file)))
                continue;
            var text = File.ReadAllText(file);
            foreach (var parser in mine)
                Assert.True(parser.Confidence(text) == 0, $"{parser.Kind} claims {file}");
        }
    }
}
