using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TuneAdvisor.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s through YamlDotNet's parser events. No reflection, so it runs
/// under Native AOT, and every node keeps its line and column for diagnostics. The tree is bounded, since rule files
/// and policies come from other teams: nesting deeper than <see cref="MaxDepth"/> or more than <see cref="MaxNodes"/>
/// nodes is a YAML error at the node that crossed the line (a 100 000-deep flow sequence once overflowed the stack).
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Rules and policies nest four or five levels; a rule test's snapshot fragment a few more.</summary>
    public const int MaxDepth = 64;

    /// <summary>Scalars, sequences and mappings in one document (the largest built-in rule test file has a few thousand).</summary>
    public const int MaxNodes = 1_000_000;

    public static YamlNode? Read(string text, string path, DiagnosticBag diagnostics)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(KnownDiagnostics.YamlSyntax, SourceSpan.At(path, 1), "the file is empty");
                return null;
            }
            parser.Consume<DocumentStart>();
            int nodes = 0;
            var root = ReadNode(parser, path, diagnostics, 1, ref nodes);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
                diagnostics.Add(KnownDiagnostics.YamlSyntax, Span(path, parser.Current?.Start), "a rule file holds one YAML document; found a second one");
            return root;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(KnownDiagnostics.YamlSyntax, Span(path, ex.Start), Clean(ex.Message));
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, string path, DiagnosticBag diagnostics, int depth, ref int nodes)
    {
        if (++nodes > MaxNodes)
            throw Limit(parser, $"more than {MaxNodes} YAML nodes in one document; nothing was read");
        if (depth > MaxDepth)
            throw Limit(parser, $"nested deeper than {MaxDepth} levels; nothing was read");
        if (parser.TryConsume<Scalar>(out var scalar))
            return new YamlScalar(scalar.Start, scalar.End, scalar.Value, scalar.Style);
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var items = ImmutableArray.CreateBuilder<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out var seqEnd))
                items.Add(ReadNode(parser, path, diagnostics, depth + 1, ref nodes));
            return new YamlSequence(seqStart.Start, seqStart.End, items.ToImmutable());
        }
        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<YamlScalar, YamlNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, path, diagnostics, depth + 1, ref nodes);
                var value = ReadNode(parser, path, diagnostics, depth + 1, ref nodes);
                if (keyNode is not YamlScalar key)
                {
                    diagnostics.Add(KnownDiagnostics.YamlSyntax, SourceSpan.At(path, keyNode.Line, keyNode.Column), "mapping keys must be plain strings");
                    continue;
                }
                if (entries.Any(e => e.Key.Value == key.Value))
                    diagnostics.Add(KnownDiagnostics.YamlSyntax, SourceSpan.At(path, key.Line, key.Column), $"duplicate key '{key.Value}'");
                entries.Add(new(key, value));
            }
            return new YamlMapping(mapStart.Start, mapStart.End, entries.ToImmutable());
        }
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            diagnostics.Add(KnownDiagnostics.YamlSyntax, Span(path, alias.Start), "aliases are not supported in rule files");
            return new YamlScalar(alias.Start, alias.End, "", ScalarStyle.Plain);
        }
        var unexpected = parser.Current;
        throw new YamlException(unexpected?.Start ?? Mark.Empty, unexpected?.End ?? Mark.Empty, $"unexpected {unexpected?.GetType().Name}");
    }

    private static YamlException Limit(IParser parser, string message) =>
        new(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, message);

    private static SourceSpan Span(string path, Mark? mark) =>
        mark is { } m && m.Line > 0 ? SourceSpan.At(path, (int)m.Line, (int)m.Column) : SourceSpan.File(path);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the span already says where.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
