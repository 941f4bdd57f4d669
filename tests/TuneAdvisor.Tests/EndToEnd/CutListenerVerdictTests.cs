using TuneAdvisor.Evaluation;
using TuneAdvisor.Sources;
using TuneAdvisor.Tests.Formats;

namespace TuneAdvisor.Tests.EndToEnd;

/// <summary>
/// TA1002 (accept queue full), and TA1015 where the cut leaves the backlog unknown, over pasted `ss -lnt` listings
/// that were cut, end to end: the file is loaded as an input through the library entry point (Advisor.AuditAsync) with
/// the built-in rules. The listing is the capture ss_-lnt.txt
/// (TestFiles/Captures/sockets), whose 127.0.0.1:9090 listener has Recv-Q 5 over Send-Q 4.
/// </summary>
public sealed class CutListenerVerdictTests
{
    private static readonly string Listing = File.ReadAllText(Path.Combine(CaptureFiles.Directory, "sockets", "ss_-lnt.txt"));

    private static readonly string Header = Listing[..(Listing.IndexOf('\n') + 1)];

    private static string Row(string start) => Listing.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));

    private static async Task<AnalysisResult> Analyze(string text)
    {
        var dir = Directory.CreateTempSubdirectory("ta-cut-").FullName;
        try
        {
            var file = Path.Combine(dir, "ss-lnt.txt");
            await File.WriteAllTextAsync(file, text);
            var audit = await Advisor.AuditAsync(new AuditRequest { Source = new SnapshotRequest { Inputs = [file] } }, Audits.At(DateTimeOffset.UnixEpoch), null, CancellationToken.None);
            Assert.Equal(AuditOutcome.Completed, audit.Outcome);
            return audit.Report!.Analysis;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static RuleOutcome Outcome(AnalysisResult r, string subject) => Assert.Single(r.Outcomes, o => o.RuleId == "TA1002" && o.Subject == subject);

    [Fact]
    public async Task A_full_queue_on_the_row_cut_after_its_local_address_is_still_reported()
    {
        // "LISTEN 5      4          127.0.0.1:9090" and then nothing: the queues are whole, the peer is missing.
        var row = Row("LISTEN 5 ");
        var cut = Listing[..(Listing.IndexOf(row, StringComparison.Ordinal) + row.IndexOf(":9090", StringComparison.Ordinal) + 5)];
        var result = await Analyze(cut);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "TA1002");
        Assert.Equal(("listener tcp 127.0.0.1:9090", Diagnostics.Severity.Error), (finding.Subject, finding.Severity));
        Assert.Contains(result.Diagnostics, d => d.Id == "TA0207");
    }

    [Fact]
    public async Task A_cut_Recv_Q_that_already_exceeds_Send_Q_is_reported_as_at_least()
    {
        // The paste starts inside the 9090 row, before its Recv-Q: "5      4   127.0.0.1:9090   0.0.0.0:*" under a header with State.
        var row = Row("LISTEN 5 ");
        var result = await Analyze(Header + row["LISTEN ".Length..] + "\n");
        var finding = Assert.Single(result.Findings, f => f.RuleId == "TA1002");
        Assert.Equal(Diagnostics.Severity.Error, finding.Severity);
        Assert.Contains("has at least 5 connection(s) waiting", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_Recv_Q_that_does_not_exceed_Send_Q_is_not_evaluated_rather_than_passed()
    {
        // "0      128        127.0.0.1:8080 ...": Recv-Q at least 0 against a limit of 128 decides nothing.
        var row = Row("LISTEN 0      128 ");
        var result = await Analyze(Header + row["LISTEN ".Length..] + "\n");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "TA1002");
        var outcome = Outcome(result, "listener tcp 127.0.0.1:8080");
        Assert.Equal(OutcomeKind.NotEvaluated, outcome.Kind);
        Assert.Contains("is at least 0: the pasted row was cut inside the number", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Send_Q_cut_inside_its_digits_leaves_the_full_looking_queue_undecided()
    {
        var row = Row("LISTEN 5 ");
        var cut = Listing[..(Listing.IndexOf(row, StringComparison.Ordinal) + "LISTEN 5      4".Length)];
        var result = await Analyze(cut);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "TA1002");
        Assert.Equal(OutcomeKind.NotEvaluated, Outcome(result, "listener tcp …").Kind);
    }

    [Fact]
    public async Task A_row_cut_inside_its_Recv_Q_before_Send_Q_with_many_waiting_is_reported_by_TA1015_while_TA1002_stays_undecided()
    {
        // "LISTEN 129" and the paste ends: at least 129 connections wait, the limit (and the address) are not in the data.
        var result = await Analyze(Header + "LISTEN 129");
        var finding = Assert.Single(result.Findings, f => f.RuleId == "TA1015");
        Assert.Equal(("listener tcp …", Diagnostics.Severity.Warning), (finding.Subject, finding.Severity));
        Assert.StartsWith("at least 129 connection(s) are waiting to be accepted on …", finding.Message, StringComparison.Ordinal);
        Assert.Matches(@"the backlog is not in this capture \(.*ss-lnt\.txt:2\), so the queue may be full$", finding.Message);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "TA1002");
        Assert.Equal(OutcomeKind.NotEvaluated, Outcome(result, "listener tcp …").Kind);
    }

    [Fact]
    public async Task Reuseport_listeners_are_judged_one_by_one_and_numbered_in_file_order_only_when_they_share_an_address()
    {
        var ltnp = File.ReadAllText(Path.Combine(CaptureFiles.Directory, "sockets", "ss_-ltnp.txt"));
        var result = await Analyze(ltnp);
        var subjects = result.Outcomes.Where(o => o.RuleId == "TA1002").Select(o => o.Subject).ToList();
        Assert.Contains("listener tcp 0.0.0.0:8085 #1", subjects);
        Assert.Contains("listener tcp 0.0.0.0:8085 #2", subjects);
        Assert.Contains("listener tcp 127.0.0.1:8080", subjects);          // alone on its address: no number
        Assert.DoesNotContain("listener tcp 0.0.0.0:8085", subjects);
        Assert.Equal("listener tcp 127.0.0.1:9090", Assert.Single(result.Findings, f => f.RuleId == "TA1002").Subject);
        // #1 is the first row of the file (fd 5), #2 the second (fd 4).
        var group = result.Snapshot.Listeners.Where(l => l.Port == 8085).Select(l => l.Processes[0].Fd).ToList();
        Assert.Equal([5, 4], group);
    }
}
