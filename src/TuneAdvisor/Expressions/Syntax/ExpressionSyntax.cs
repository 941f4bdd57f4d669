using System.Collections.Immutable;

namespace TuneAdvisor.Expressions.Syntax;

/// <summary>A node of the condition syntax tree. Every node knows its span in the expression text.</summary>
public abstract record ExpressionSyntax(TextSpan Span);

/// <summary>A number with an optional unit: 42, 0.5, 16MiB, 5s, 80%.</summary>
public sealed record NumberLiteralSyntax(TextSpan Span, string Digits, string Unit) : ExpressionSyntax(Span);

public sealed record StringLiteralSyntax(TextSpan Span, string Value) : ExpressionSyntax(Span);

public sealed record BooleanLiteralSyntax(TextSpan Span, bool Value) : ExpressionSyntax(Span);

/// <summary>A bare name: <c>listener</c>, <c>kernel</c>, <c>options</c>, <c>it</c>.</summary>
public sealed record NameSyntax(TextSpan Span, string Name) : ExpressionSyntax(Span);

/// <summary><c>target.member</c>.</summary>
public sealed record MemberAccessSyntax(TextSpan Span, ExpressionSyntax Target, string Member, TextSpan MemberSpan) : ExpressionSyntax(Span);

/// <summary><c>name(arg, …)</c>.</summary>
public sealed record CallSyntax(TextSpan Span, string Name, TextSpan NameSpan, ImmutableArray<ExpressionSyntax> Arguments) : ExpressionSyntax(Span);

/// <summary><c>target[index]</c>, e.g. the third number of tcp_rmem.</summary>
public sealed record IndexSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Index) : ExpressionSyntax(Span);

/// <summary><c>[a, b, c]</c>, used with <c>in</c>.</summary>
public sealed record ListSyntax(TextSpan Span, ImmutableArray<ExpressionSyntax> Items) : ExpressionSyntax(Span);

public sealed record UnarySyntax(TextSpan Span, TokenKind Operator, TextSpan OperatorSpan, ExpressionSyntax Operand) : ExpressionSyntax(Span);

public sealed record BinarySyntax(TextSpan Span, ExpressionSyntax Left, TokenKind Operator, TextSpan OperatorSpan, ExpressionSyntax Right) : ExpressionSyntax(Span);

/// <summary><c>collection where predicate</c>: the elements for which the predicate (over <c>it</c>) is true.</summary>
public sealed record WhereSyntax(TextSpan Span, ExpressionSyntax Collection, TextSpan KeywordSpan, ExpressionSyntax Predicate) : ExpressionSyntax(Span);

/// <summary>Stands in for a node that could not be parsed (an error was already reported).</summary>
public sealed record ErrorSyntax(TextSpan Span) : ExpressionSyntax(Span);
