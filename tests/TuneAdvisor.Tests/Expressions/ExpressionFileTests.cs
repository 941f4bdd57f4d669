using System.Collections.Immutable;
using System.Text;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Evaluation;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.RuleTesting;
using TuneAdvisor.Rules;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Tests.Expressions;

/// <summary>
/// Input/expected file pairs under TestFiles/Expressions/NNN-topic/: each *.txt holds an optional header
/// (scope, options, a snapshot fragment) above a line "---", then one expression per line; *.out.txt holds the tokens,
/// type, value per subject and diagnostics for each. Set TA_UPDATE_EXPECTED=1 to rewrite the .out.txt files, then
/// review the diff: the files are the specification.
/// </summary>
public sealed class ExpressionFileTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestFiles", "Expressions");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.txt", SearchOption.AllDirectories).Where(f => !f.EndsWith(".out.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expression_file_matches_expected_output(string relative)
    {
        var input = Path.Combine(Root, relative);
        var actual = Run(File.ReadAllText(input), relative);
        var expectedPath = Path.ChangeExtension(input, ".out.txt");
        if (Environment.GetEnvironmentVariable("TA_UPDATE_EXPECTED") == "1")
        {
            var source = Path.Combine(RepoPaths.Root, "tests", "TuneAdvisor.Tests", "TestFiles", "Expressions", Path.ChangeExtension(relative, ".out.txt"));
            File.WriteAllText(source, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"missing expected output {expectedPath}");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void There_are_expression_cases() => Assert.True(Cases().Count >= 10);

    internal static string Run(string text, string name)
    {
        var parts = text.Split("\n---\n", 2);
        var header = parts.Length == 2 ? parts[0] : "";
        var body = parts.Length == 2 ? parts[1] : parts[0];
        var headerBag = new DiagnosticBag();
        var headerMap = header.Trim().Length == 0 ? null : YamlTreeReader.Read(header, name, headerBag) as YamlMapping;
        var scope = Scopes.Find(headerMap?["scope"] is YamlScalar s ? s.Value : "host") ?? Scopes.Host;
        var snapshot = headerMap?["snapshot"] is YamlMapping frag ? SnapshotFragment.Build(frag, DateTimeOffset.UnixEpoch) : SnapshotFragment.Build(new YamlMapping(default, default, []), DateTimeOffset.UnixEpoch);
        var optionTypes = new Dictionary<string, ExprType>(StringComparer.Ordinal);
        var optionValues = new Dictionary<string, Value>(StringComparer.Ordinal);
        if (headerMap?["options"] is YamlMapping opts)
        {
            foreach (var (k, v) in opts.Entries)
            {
                var lit = RuleCompiler.ParseLiteral(ExpressionSource.Standalone(((YamlScalar)v).Value), new DiagnosticBag())!.Value;
                optionTypes[k.Value] = lit.Type;
                optionValues[k.Value] = lit.Value;
            }
        }

        var sb = new StringBuilder();
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            sb.Append("> ").AppendLine(line);
            var bag = new DiagnosticBag();
            var source = ExpressionSource.Standalone(line, "expr");
            var tokens = Lexer.Tokenize(source, new DiagnosticBag());
            sb.Append("tokens: ").AppendLine(string.Join(", ", tokens.Where(t => t.Kind != TokenKind.End)));
            var bound = Binder.Compile(source, scope, optionTypes, bag, out _);
            var diagnostics = bag.ToImmutableSorted();
            if (diagnostics.Length > 0)
            {
                foreach (var d in diagnostics)
                    sb.Append("diagnostic: ").AppendLine(d.ToString());
            }
            if (!bag.HasErrors)
            {
                sb.Append("type: ").AppendLine(bound.Type.ToString());
                var ctx = new EvalContext(snapshot, optionValues);
                var items = scope.Items(snapshot);
                var subjects = SubjectNamer.Name(scope, snapshot, items);
                for (int i = 0; i < items.Count; i++)
                {
                    ctx.Item = items[i];
                    var v = bound.Eval(ctx);
                    sb.Append("value");
                    if (scope != Scopes.Host)
                        sb.Append(" [").Append(subjects[i]).Append(']');
                    sb.Append(": ").AppendLine(v.IsUnknown ? $"unknown ({v.UnknownReason})" : v.Format(bound.Type));
                }
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
