using TuneAdvisor.Sampling;

namespace TuneAdvisor.Formats;

/// <summary>
/// One kind of offline input (a command's output or a copied /proc file). Detection is by content only: the
/// registry asks every parser for its <see cref="Confidence"/> and hands the text to the most confident one.
/// Parsers are pure: text and a display path in, records and notes into the <see cref="SampleBuilder"/>
/// (every record keeps its provenance "path:line"). A parser never throws on bad input.
/// </summary>
public interface IInputParser
{
    /// <summary>Short name of the input kind, e.g. "ss", "netstat -s", "sysctl".</summary>
    string Kind { get; }

    /// <summary>0 when the text is not this kind; up to 100 when it certainly is. Must be cheap and never throw.</summary>
    int Confidence(string text);

    void Parse(string text, string path, SampleBuilder sample);
}
