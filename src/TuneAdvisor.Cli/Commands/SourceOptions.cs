using System.CommandLine;
using System.Globalization;
using TuneAdvisor.Formats;
using TuneAdvisor.Sources;

namespace TuneAdvisor.Cli.Commands;

/// <summary>The options that choose where a snapshot comes from; shared by audit and collect.</summary>
internal sealed class SourceOptions
{
    public Option<string?> Snapshot { get; } = new("--snapshot") { Description = "Audit a snapshot saved by 'tuneadvisor collect -o FILE' instead of this host ('-' reads standard input).", HelpName = "FILE" };
    public Option<string?> Root { get; } = new("--root") { Description = "Audit a mounted or unpacked golden image (its sysctl.d, kernel, limits and server configs), offline.", HelpName = "DIR" };
    public Option<string?> Sos { get; } = new("--sos") { Description = "Audit an unpacked sosreport directory.", HelpName = "DIR" };
    public Option<string[]> Input { get; } = new("--input", "-i") { Description = "Audit raw captures: ss, netstat, sysctl -a, nstat output or /proc/net files (repeatable; files or folders; detected by content).", HelpName = "PATH", AllowMultipleArgumentsPerToken = false };
    public Option<string> Nstat { get; } = new("--nstat")
    {
        Description = "How to read nstat output given with --input: 'absolute' (nstat -a: totals since boot), 'delta' (plain nstat: increments since its last run, read as a delta, never as totals) or 'auto' (decide from the content; totals when nothing tells, with a note).",
        HelpName = "auto|absolute|delta",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string?> Host { get; } = new("--host") { Description = "When the --input captures hold several hosts (blocks under label lines, or folders of different hosts): the label or host name of the one to audit.", HelpName = "LABEL" };

    public Option<string> Interval { get; } = new("--interval")
    {
        Description = "Live sampling window between the two samples, e.g. 10s, 500ms, 0 (one sample: rate-based rules are reported as not applicable, with the reason).",
        HelpName = "DURATION",
        DefaultValueFactory = _ => "10s",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Snapshot);
        command.Options.Add(Root);
        command.Options.Add(Sos);
        command.Options.Add(Input);
        command.Options.Add(Nstat);
        command.Options.Add(Host);
        command.Options.Add(Interval);
    }

    public SnapshotRequest Read(ParseResult parse)
    {
        var request = new SnapshotRequest
        {
            SnapshotFile = parse.GetValue(Snapshot),
            ImageRoot = parse.GetValue(Root),
            Sosreport = parse.GetValue(Sos),
            Inputs = [.. parse.GetValue(Input) ?? []],
            Interval = ParseDuration(parse.GetValue(Interval) ?? "10s"),
            Nstat = ParseNstatMode(parse.GetValue(Nstat) ?? "auto"),
            Host = parse.GetValue(Host),
        };
        if (request.Host is not null && request.Inputs.IsDefaultOrEmpty)
            throw new UsageException("--host applies to --input captures only");
        if (request.Nstat != NstatMode.Auto && request.Inputs.IsDefaultOrEmpty)
            throw new UsageException("--nstat applies to --input captures only");
        if (request.OfflineSourceCount > 1)
            throw new UsageException("choose one source: --snapshot, --root, --sos or --input");
        return request;
    }

    private static NstatMode ParseNstatMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => NstatMode.Auto,
        "absolute" or "a" => NstatMode.Absolute,
        "delta" or "d" => NstatMode.Delta,
        _ => throw new UsageException($"--nstat '{text}' is not one of auto, absolute, delta"),
    };

    public static TimeSpan ParseDuration(string text)
    {
        var t = text.Trim();
        double factor = 1;
        if (t.EndsWith("ms", StringComparison.Ordinal)) { factor = 0.001; t = t[..^2]; }
        else if (t.EndsWith("min", StringComparison.Ordinal)) { factor = 60; t = t[..^3]; }
        else if (t.EndsWith('s')) { t = t[..^1]; }
        else if (t.EndsWith('m')) { factor = 60; t = t[..^1]; }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || double.IsInfinity(v) || v * factor > 3600)
            throw new UsageException($"--interval '{text}' is not a duration between 0 and 1h (e.g. 10s, 500ms, 0)");
        return TimeSpan.FromSeconds(v * factor);
    }
}
