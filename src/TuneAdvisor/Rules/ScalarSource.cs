using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Yaml;
using YamlDotNet.Core;

namespace TuneAdvisor.Rules;

/// <summary>
/// Maps an expression held in a YAML scalar back to the rule file, so an error at character k of a condition is
/// reported at its true line and column. Plain and block scalars are read from the file text itself (exact,
/// including continuation lines); quoted scalars map offset k to the column after the opening quote.
/// </summary>
public static class ScalarSource
{
    public static ExpressionSource For(YamlScalar scalar, string fileText, string path)
    {
        int line = scalar.Line, column = scalar.Column;
        switch (scalar.Style)
        {
            case ScalarStyle.Plain:
            {
                var raw = Slice(fileText, scalar.Start.Index, scalar.End.Index);
                return ExpressionSource.At(raw, path, line, column);
            }
            case ScalarStyle.Literal:
            case ScalarStyle.Folded:
            {
                // The content starts on the line after the '|' or '>' indicator; keep its indentation so columns are exact.
                int start = (int)scalar.Start.Index;
                int nl = fileText.IndexOf('\n', start);
                if (nl < 0)
                    return ExpressionSource.At(scalar.Value, path, line, column);
                var raw = Slice(fileText, nl + 1, scalar.End.Index);
                return ExpressionSource.At(raw, path, line + 1, 1);
            }
            default:
                return ExpressionSource.At(scalar.Value, path, line, column + 1);
        }
    }

    private static string Slice(string text, long start, long end)
    {
        int s = (int)Math.Clamp(start, 0, text.Length);
        int e = (int)Math.Clamp(end, s, text.Length);
        return text[s..e];
    }
}
