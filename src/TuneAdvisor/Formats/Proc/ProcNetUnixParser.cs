using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Proc;

/// <summary>
/// Parses /proc/net/unix ("Num RefCount Protocol Flags Type St Inode Path") into its stream and seqpacket
/// listeners (Flags has __SO_ACCEPTCON, 0x10000), as `ss -xl` lists them. The file has no queue lengths, so RecvQ
/// and SendQ are null (unknown). Abstract names already start with '@'; an unnamed listener is "*".
/// </summary>
public static class ProcNetUnixParser
{
    private const uint AcceptCon = 0x10000;

    public static ProcNetSockets Parse(string text, string path)
    {
        var listeners = ImmutableArray.CreateBuilder<ListenerInfo>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var line in ProcTableLine.Read(text, path))
        {
            if (line.Text.StartsWith("Num", StringComparison.Ordinal))
                continue;
            // Eight fields at most: the eighth, the socket's path, may itself hold spaces.
            var f = line.Text.Split(' ', 8, StringSplitOptions.RemoveEmptyEntries);
            bool lastLine = line.IsUnterminated;
            if (f.Length < 7 || !f[0].EndsWith(':')
                || !uint.TryParse(f[3], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint flags)
                || !int.TryParse(f[4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int type)
                || !ulong.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode))
            {
                diagnostics.Add(Diagnostic.Create(lastLine ? KnownDiagnostics.TruncatedInput : KnownDiagnostics.InputLineSkipped,
                    line.Span, lastLine ? "last line is incomplete" : "expected 'Num: RefCount Protocol Flags Type St Inode [Path]'"));
                continue;
            }
            if ((flags & AcceptCon) == 0 || (type != 1 && type != 5))
                continue;
            listeners.Add(new ListenerInfo
            {
                Protocol = "unix",
                Local = f.Length > 7 ? f[7].Trim() : "*",
                Inode = inode,
                Source = line.Source,
            });
        }
        return new ProcNetSockets(listeners.ToImmutable(), [], diagnostics.ToImmutable());
    }
}
