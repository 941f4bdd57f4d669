using System.Collections.Immutable;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// `netstat -s` (net-tools, every wording it has printed, see <see cref="NetstatStatisticsWordings"/>) into cumulative
/// counters keyed by kernel MIB names ("Tcp.RetransSegs", "TcpExt.ListenOverflows"). Lines net-tools has no wording
/// for ("TCPTimeouts: 668", "InOctets: 282605781", IcmpMsg "InType3: 714") are taken by name. net-tools omits most
/// TcpExt counters when they are 0; when the TcpExt section is present and fully understood, the counters in
/// <see cref="NetstatStatisticsTable.TcpExtOmittedWhenZero"/> that it does not print are set to 0. When a TcpExt line
/// is not understood (another wording or a translation) nothing is zero-filled.
/// Pastes are read as they come (<see cref="NetstatStatisticsRunReader"/>): `grep` excerpts without section headers,
/// prompts, `date` lines, several runs, blocks under host labels. <see cref="Parse"/> reads one sample: the only run,
/// or the last one with a note; a file with blocks of several labels gives no counters here (they are several hosts),
/// only a note: <see cref="ParseRuns"/> gives them apart.
/// </summary>
public sealed class NetstatStatisticsParser : IRunInputParser
{
    public string Kind => "netstat -s";

    /// <summary>
    /// 90 with a section header and a known line under it; 70 for an excerpt without headers (even one line) whose
    /// lines are net-tools wordings, apart from prompts, commands, `date` and label lines.
    /// </summary>
    public int Confidence(string text)
    {
        int sections = 0, wordings = 0, headerless = 0, other = 0;
        string section = "";
        foreach (var line in InputLine.Split(text).Take(400))
        {
            var t = line.Text.Trim();
            if (t.Length == 0 || PastedLine.Classify(t, out _) != PastedLineKind.Output)
                continue;
            if (NetstatStatisticsLine.SectionName(line.Text) is { } s)
            {
                section = s;
                sections++;
                continue;
            }
            var wording = NetstatStatisticsLine.Wording(t, out var value);
            if (wording is not null && value is not null && NetstatStatisticsTable.AnySection.ContainsKey(wording))
            {
                if (section.Length > 0)
                    wordings++;
                else
                    headerless++;
            }
            else if (section.Length > 0 && NetstatStatisticsLine.TryNamed(t, section, out _, out _))
                wordings++;
            else if (NetstatStatisticsLine.Label(t) is null)
                other++;
        }
        if (sections >= 1 && wordings >= 1)
            return 90;
        return headerless >= 1 && headerless >= other ? 70 : 0;
    }

    public ImmutableArray<InputRun> ParseRuns(string text, string path, DateTimeOffset takenAt) =>
        NetstatStatisticsRunReader.Read(text, path, takenAt);

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var runs = ParseRuns(text, path, sample.TakenAt);
        foreach (var run in runs)
            sample.Notes.AddRange(run.Sample.Notes);
        var labels = runs.Select(r => r.Label).Where(l => l is not null).Distinct().ToList();
        if (labels.Count > 1)
        {
            InputNotes.Info(sample, path, runs[0].FirstLine,
                $"blocks of {labels.Count} hosts or labels ({string.Join(", ", labels)}): none is read into this one sample; read them one at a time");
            return;
        }
        var withValues = runs.Where(r => r.Sample.Counters.Count > 0).ToList();
        if (withValues.Count == 0)
            return;
        var last = withValues[^1];
        if (withValues.Count > 1)
            InputNotes.Info(sample, path, last.FirstLine,
                $"{withValues.Count} runs of `netstat -s` (starting at lines {string.Join(", ", withValues.Select(r => r.FirstLine))}); the last one was read, the earlier ones were ignored");
        foreach (var (key, value) in last.Sample.Counters)
            sample.SetCounter(key, value, last.Sample.CounterSources.GetValueOrDefault(key, path));
        sample.Capabilities.UnionWith(last.Sample.Capabilities);
    }
}
