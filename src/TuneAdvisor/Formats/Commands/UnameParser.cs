using System.Text.RegularExpressions;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// The kernel release from `uname -a` ("Linux host 4.18.0-80.el8.x86_64 #1 SMP …"), `uname -r` ("6.1.0-18-amd64",
/// also a copy of /proc/sys/kernel/osrelease) or /proc/version ("Linux version 6.1.0 (…) …") into Host.Kernel.
/// </summary>
public sealed partial class UnameParser : IInputParser
{
    public string Kind => "uname";

    [GeneratedRegex(@"^\d+\.\d+(\.\d+)*[-+._~a-zA-Z0-9]*$")]
    private static partial Regex Release();

    public int Confidence(string text) => TryRead(text, out _, out _, out var score) ? score : 0;

    public void Parse(string text, string path, SampleBuilder sample)
    {
        if (!TryRead(text, out var kernel, out var hostname, out _))
        {
            var first = InputLine.Split(text).FirstOrDefault(l => l.Text.Trim().Length > 0);
            InputNotes.Skipped(sample, path, first.Number == 0 ? new InputLine(1, text, true) : first, "no kernel release in this uname output");
            return;
        }
        var line = InputLine.Split(text).First(l => l.Text.Trim().Length > 0);
        sample.Host = sample.Host with
        {
            Kernel = kernel,
            KernelSource = line.Source(path),
            Hostname = sample.Host.Hostname ?? hostname,
        };
    }

    private static bool TryRead(string text, out string kernel, out string? hostname, out int score)
    {
        kernel = "";
        hostname = null;
        score = 0;
        var lines = InputLine.Split(text).Where(l => l.Text.Trim().Length > 0).ToList();
        if (lines.Count != 1)
            return false;
        var t = lines[0].Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (t.Length == 1 && Release().IsMatch(t[0]))
        {
            kernel = t[0];
            score = 60;
            return true;
        }
        if (t.Length >= 3 && t[0] == "Linux" && t[1] == "version" && Release().IsMatch(t[2]))
        {
            kernel = t[2];
            score = 95;
            return true;
        }
        if (t.Length >= 3 && t[0] == "Linux" && Release().IsMatch(t[2]))
        {
            kernel = t[2];
            hostname = t[1];
            score = 95;
            return true;
        }
        return false;
    }
}
