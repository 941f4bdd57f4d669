using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Collection;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Formats;
using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;
using TuneAdvisor.Sources.Captures;

namespace TuneAdvisor.Sources.Sosreport;

/// <summary>
/// Builds a snapshot from an unpacked sosreport: sos_commands/kernel/sysctl_-a and uname_-a,
/// sos_commands/networking/ss_*, netstat_* and nstat_*, the copied proc/net files, and proc/softirqs (which sos's
/// kernel plugin copies; it is host-wide, so it is read whichever proc/net is). Every file's kind is still
/// detected from its content; the file name only says which command flags sos used (its nstat runs with -a). The
/// host's proc/net is preferred; proc/&lt;pid&gt;/net copies of other network namespaces are noted, and used only when
/// proc/net is missing. Sockets listed by both ss and netstat are taken from ss.
/// </summary>
public static class SosreportReader
{
    /// <summary>Network files sos copies from /proc/net that an offline parser may read.</summary>
    private static readonly string[] ProcNetFiles = ["netstat", "snmp", "snmp6", "dev", "sockstat", "sockstat6", "softnet_stat", "tcp", "tcp6"];

    /// <summary>Per-CPU softirq counts, copied by sos's kernel plugin (/proc/softirqs).</summary>
    private static readonly string SoftirqsFile = Path.Combine("proc", "softirqs");

    public static bool IsSosreport(string dir) =>
        Directory.Exists(Path.Combine(dir, "sos_commands"))
        && (Directory.Exists(Path.Combine(dir, "proc")) || Directory.Exists(Path.Combine(dir, "sos_reports")));

    public static (SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) Read(string dir, TimeProvider time) =>
        Read(dir, time, new SosreportOptions());

    public static (SystemSnapshot Snapshot, ImmutableArray<Diagnostic> Diagnostics) Read(string dir, TimeProvider time, SosreportOptions options)
    {
        var now = time.GetUtcNow();
        var parts = new List<OfflinePart>();
        var general = new SampleBuilder(now);
        parts.Add(new OfflinePart(dir, "sosreport", general));
        if (!IsSosreport(dir))
            general.Note(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(dir), $"{dir}: not a sosreport (no sos_commands/ with proc/ or sos_reports/)"));

        foreach (var relative in CommandFiles(dir))
            ReadKnown(dir, relative, parts, now);
        ReadProcNet(dir, parts, now);
        if (File.Exists(Path.Combine(dir, SoftirqsFile)))
            ReadKnown(dir, SoftirqsFile, parts, now);
        ReadHostname(dir, general);

        var sample = OfflineSampleMerger.Merge(now, parts);
        ReadConfiguration(dir, options, sample);
        var snapshot = SnapshotAssembler.Assemble(SnapshotSource.Sosreport, dir, null, sample);
        return (snapshot, NoteDiagnostics.FromNotes(snapshot.Notes));
    }

    private static IEnumerable<string> CommandFiles(string dir)
    {
        var kernel = Path.Combine("sos_commands", "kernel");
        foreach (var name in new[] { "sysctl_-a", "uname_-a" })
            if (File.Exists(Path.Combine(dir, kernel, name)))
                yield return Path.Combine(kernel, name);
        var networking = Path.Combine(dir, "sos_commands", "networking");
        if (!Directory.Exists(networking))
            yield break;
        foreach (var file in Directory.GetFiles(networking).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("ss_", StringComparison.Ordinal) || name.StartsWith("netstat_", StringComparison.Ordinal)
                || name.StartsWith("nstat_", StringComparison.Ordinal))
                yield return Path.Combine("sos_commands", "networking", name);
        }
    }

    /// <summary>A file sos is known to write: its content decides the parser; content nobody recognises is noted, not an error.</summary>
    private static void ReadKnown(string dir, string relative, List<OfflinePart> parts, DateTimeOffset now)
    {
        var part = new SampleBuilder(now);
        if (OfflineFile.StreamingParser(Path.Combine(dir, relative), InputParserRegistry.Default) is { } streamed)
        {
            // A large socket list: streamed line by line, its text never held (the nstat flags below do not apply).
            var failure = OfflineFile.TryStream(streamed, Path.Combine(dir, relative), relative, part);
            if (failure is not null)
            {
                part = new SampleBuilder(now);
                part.Note(failure);
                RawInputReader.Skippable(part);
            }
            parts.Add(new OfflinePart(relative, failure is null ? streamed.Kind : "", part));
            return;
        }
        var text = OfflineFile.TryRead(Path.Combine(dir, relative), relative, part);
        if (text is null)
            RawInputReader.Skippable(part);   // unreadable or binary: a warning, the rest of the sosreport is read
        IInputParser? parser = null;
        if (text is not null)
        {
            // sos runs `nstat -zas`: the flags in the file name say these are totals.
            var flags = Path.GetFileName(relative).Split('_', 2) is [_, var f] ? f : "";
            var registry = Path.GetFileName(relative).StartsWith("nstat_", StringComparison.Ordinal) && flags.Contains('a')
                ? InputParserRegistry.Create(NstatMode.Absolute) : InputParserRegistry.Default;
            parser = registry.Detect(text);
            if (parser is null && text.Trim().Length == 0)
                InputNotes.Info(part, relative, 0, $"{relative} is empty; skipped");
            else if (parser is null)
                part.Note(Diagnostic.Create(KnownDiagnostics.InputUnrecognized, SourceSpan.File(relative),
                    $"{relative}: no parser recognises its content; the file was skipped and the rest of the sosreport read") with { Severity = Severity.Warning });
            else
            {
                parser.Parse(text, relative, part);
                part.Inputs.Add(relative);
            }
        }
        parts.Add(new OfflinePart(relative, parser?.Kind ?? "", part));
    }

    private static void ReadProcNet(string dir, List<OfflinePart> parts, DateTimeOffset now)
    {
        var host = Path.Combine("proc", "net");
        var copies = PerProcessCopies(dir);
        bool hostPresent = ProcNetFiles.Any(f => File.Exists(Path.Combine(dir, host, f)));
        var chosen = hostPresent ? host : copies.FirstOrDefault();
        if (chosen is null)
            return;
        var notes = new SampleBuilder(now);
        var ignored = copies.Where(c => c != chosen).ToList();
        if (!hostPresent)
            InputNotes.Info(notes, chosen, 0, $"no proc/net in the sosreport; {chosen} (a process's network namespace) was read instead");
        if (ignored.Count > 0)
            InputNotes.Info(notes, ignored[0], 0,
                $"{string.Join(", ", ignored)} hold other processes' network namespace copies; {chosen} was read");
        parts.Add(new OfflinePart(chosen, "proc/net notes", notes));
        foreach (var name in ProcNetFiles)
            if (File.Exists(Path.Combine(dir, chosen, name)))
                ReadKnown(dir, Path.Combine(chosen, name), parts, now);
    }

    /// <summary>proc/&lt;pid&gt;/net folders, by pid.</summary>
    private static List<string> PerProcessCopies(string dir)
    {
        var proc = Path.Combine(dir, "proc");
        if (!Directory.Exists(proc))
            return [];
        return Directory.GetDirectories(proc)
            .Select(Path.GetFileName)
            .Where(n => n is not null && n.All(char.IsAsciiDigit) && Directory.Exists(Path.Combine(proc, n, "net")))
            .OrderBy(n => long.Parse(n!, CultureInfo.InvariantCulture))
            .Select(n => Path.Combine("proc", n!, "net"))
            .ToList();
    }

    /// <summary>sos writes the host name to a top-level "hostname" file (a link to sos_commands/general/hostname).</summary>
    private static void ReadHostname(string dir, SampleBuilder sample)
    {
        var file = Path.Combine(dir, "hostname");
        if (!File.Exists(file))
            return;
        var name = ProcFile.TryReadLine(file, IO.FileReadLimits.Capture);
        if (!string.IsNullOrEmpty(name) && !name.Contains(' '))
            sample.Host = sample.Host with { Hostname = name };
    }

    private static void ReadConfiguration(string dir, SosreportOptions options, SampleBuilder sample)
    {
        bool present = Directory.Exists(Path.Combine(dir, "etc", "sysctl.d")) || File.Exists(Path.Combine(dir, "etc", "sysctl.conf"))
            || Directory.Exists(Path.Combine(dir, "usr", "lib", "sysctl.d")) || Directory.Exists(Path.Combine(dir, "lib", "sysctl.d"));
        if (options.SysctlConfiguration is { } reader)
            reader(dir, sample);
        else if (present)
            InputNotes.Info(sample, Path.Combine(dir, "etc"), 0, "the sosreport holds sysctl configuration files, but no sysctl.d reader was given: configured values were not compared");
    }
}
