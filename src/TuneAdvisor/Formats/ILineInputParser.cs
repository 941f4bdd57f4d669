namespace TuneAdvisor.Formats;

/// <summary>
/// A parser that reads its input line by line and nothing else, so a large capture can be streamed to it from the
/// file (<see cref="InputLineStream"/>) instead of held whole: its memory is then its records, not the text.
/// <see cref="IInputParser.Parse"/> is the same parse over <see cref="InputLine.Split"/>.
/// </summary>
public interface ILineInputParser : IInputParser
{
    void Parse(IEnumerable<InputLine> lines, string path, Sampling.SampleBuilder sample);
}
