using System.Text;

namespace TuneAdvisor.IO;

/// <summary>
/// Standard input ('-') read to its end with the same cap as a file of its kind, counted in characters actually read:
/// `--snapshot - &lt; /dev/zero` stops at the first block (text never holds NUL), and an endless stream stops at the cap.
/// The read itself blocks while the writer is silent; the caller runs it where cancellation can abandon it.
/// </summary>
public static class BoundedTextReader
{
    private const int Block = 64 * 1024;

    /// <returns>The text, or null with <paramref name="problem"/> naming <paramref name="display"/> and what was wrong.</returns>
    public static string? ReadToEnd(TextReader reader, string display, FileReadLimits limits, CancellationToken ct, out string problem)
    {
        problem = "";
        var text = new StringBuilder();
        var block = new char[Block];
        int n;
        while ((n = reader.ReadBlock(block, 0, block.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            if (Array.IndexOf(block, '\0', 0, n) >= 0)
            {
                problem = $"{display}: binary content (NUL bytes), not text";
                return null;
            }
            if (text.Length + n > limits.MaxBytes)
            {
                problem = $"{display}: more than {limits.Describe()} of text, the most read for this kind of input";
                return null;
            }
            text.Append(block, 0, n);
        }
        return text.ToString();
    }
}
