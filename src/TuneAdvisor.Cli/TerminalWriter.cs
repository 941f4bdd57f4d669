using System.Text;
using TuneAdvisor.Reporting;

namespace TuneAdvisor.Cli;

/// <summary>
/// Standard output and standard error as the CLI writes them: every control character but the line break and the
/// tab is written as a visible escape (<see cref="InertText"/>), so nothing a process name, a capture or a rule file
/// holds reaches the terminal as a control sequence, whatever command printed it. Reports are already escaped by
/// their format; this is the last line of defence for everything else (help, rule listings, messages).
/// </summary>
internal sealed class TerminalWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>Wraps a writer once (a writer already wrapped is returned as it is).</summary>
    public static TextWriter Guard(TextWriter writer) => writer as TerminalWriter ?? new TerminalWriter(writer);

    public override void Write(char value)
    {
        if (value is '\n' or '\t' || !InertText.IsEscaped(value))
            inner.Write(value);
        else
            inner.Write(InertText.Escape(value.ToString()));
    }

    public override void Write(string? value)
    {
        if (value is not null)
            inner.Write(InertText.Escape(value, keepLineBreaks: true));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
