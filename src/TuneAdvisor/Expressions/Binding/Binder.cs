using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Binding;

/// <summary>
/// Binds syntax to the snapshot schema: resolves names, members and functions, checks types, and compiles each
/// node into a closure once. Problems are diagnostics at exact spans; a node in error gets type <see cref="ExprType.Error"/>
/// so one mistake reports once.
/// </summary>
public sealed partial class Binder
{
    private readonly ScopeDefinition _scope;
    private readonly IReadOnlyDictionary<string, ExprType> _options;
    private readonly ExpressionSource _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<EvidenceProbe> _evidence = new();
    private readonly HashSet<Requirement> _requirements = new();
    private ItemType? _itType;

    public Binder(ScopeDefinition scope, IReadOnlyDictionary<string, ExprType> options, ExpressionSource source, DiagnosticBag diagnostics)
    {
        _scope = scope;
        _options = options;
        _source = source;
        _diagnostics = diagnostics;
    }

    public IReadOnlyList<EvidenceProbe> Evidence => _evidence;

    public IReadOnlyCollection<Requirement> Requirements => _requirements;

    /// <summary>Parses, binds and compiles <paramref name="source"/> in one call.</summary>
    public static BoundExpression Compile(ExpressionSource source, ScopeDefinition scope, IReadOnlyDictionary<string, ExprType> options, DiagnosticBag diagnostics, out Binder binder)
    {
        var syntax = Parser.Parse(source, diagnostics);
        binder = new Binder(scope, options, source, diagnostics);
        return binder.Bind(syntax);
    }

    public BoundExpression Bind(ExpressionSyntax syntax) => syntax switch
    {
        NumberLiteralSyntax n => BindNumber(n),
        StringLiteralSyntax s => Literal(ExprType.String, s.Span, Value.FromString(s.Value)),
        BooleanLiteralSyntax b => Literal(ExprType.Boolean, b.Span, Value.FromBoolean(b.Value)),
        NameSyntax n => BindName(n),
        MemberAccessSyntax m => BindMember(m),
        CallSyntax c => BindCall(c),
        IndexSyntax i => BindIndex(i),
        ListSyntax l => BindList(l),
        UnarySyntax u => BindUnary(u),
        BinarySyntax b => BindBinary(b),
        WhereSyntax w => BindWhere(w),
        ErrorSyntax e => BoundExpression.Error(e.Span),
        _ => throw new InvalidOperationException("unknown syntax " + syntax.GetType().Name),
    };

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) =>
        _diagnostics.Add(descriptor, _source.Map(span), args);

    private string TextOf(TextSpan span) => _source.Text.Substring(span.Start, Math.Min(span.Length, _source.Text.Length - span.Start));

    private void Require(string what, params SnapshotCapability[] anyOf) => _requirements.Add(new Requirement(what, anyOf));

    private static BoundExpression Literal(ExprType type, TextSpan span, Value value) =>
        new(type, span, _ => value) { Constant = value };

    private BoundExpression BindNumber(NumberLiteralSyntax n)
    {
        bool fraction = n.Digits.Contains('.');
        if (!Units.TryResolve(n.Unit, fraction, out var type, out var factor))
        {
            Report(KnownDiagnostics.InvalidLiteral, n.Span, n.Digits + n.Unit, $"unknown unit '{n.Unit}' (known: {Units.Known})");
            return BoundExpression.Error(n.Span);
        }
        if (!double.TryParse(n.Digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            Report(KnownDiagnostics.InvalidLiteral, n.Span, n.Digits + n.Unit, "not a number");
            return BoundExpression.Error(n.Span);
        }
        return Literal(type, n.Span, Value.FromNumber(number * factor));
    }

    private static readonly ImmutableArray<string> GlobalNames =
        ["kernel", "hostname", "interval", "source", "is_root", "options", "it", "listeners", "connections", "sockets", "interfaces", "cpus", "processes", "peers", "sysctls", "apps"];

    private BoundExpression BindName(NameSyntax n)
    {
        if (_scope.ItemType is { } itemType && n.Name == _scope.ItemName)
            return new BoundExpression(itemType, n.Span, ctx => Value.FromItem(ctx.Item!));
        switch (n.Name)
        {
            case "it" when _itType is not null:
                return new BoundExpression(_itType, n.Span, ctx => Value.FromItem(ctx.It!));
            case "kernel":
                return new BoundExpression(ExprType.Version, n.Span, ctx => ctx.Kernel is { } v ? Value.FromVersion(v) : Value.Unknown("the kernel version is unknown"));
            case "hostname":
                return new BoundExpression(ExprType.String, n.Span, ctx => ctx.Snapshot.Host.Hostname is { } h ? Value.FromString(h) : Value.Unknown("the hostname is unknown"));
            case "interval":
                return new BoundExpression(ExprType.Duration, n.Span, ctx => ctx.Snapshot.IntervalSeconds is { } s && s > 0 ? Value.FromNumber(s) : Value.Unknown("only one sample was taken (use --interval > 0)"));
            case "source":
                return new BoundExpression(ExprType.String, n.Span, ctx => Value.FromString(ctx.Snapshot.Source.Kind));
            case "is_root":
                return new BoundExpression(ExprType.Boolean, n.Span, ctx => ctx.Snapshot.Host.IsRoot is { } r ? Value.FromBoolean(r) : Value.Unknown("whether the collector ran as root is unknown"));
            case "options":
                Report(KnownDiagnostics.SyntaxError, n.Span, "'options' must be followed by '.name'");
                return BoundExpression.Error(n.Span);
        }
        if (Scopes.All.FirstOrDefault(s => s.Collection == n.Name && s.ItemType is not null) is { } collectionScope)
        {
            if (collectionScope.Requires is { } caps)
                Require(collectionScope.Collection, caps);
            var items = collectionScope.Items;
            return new BoundExpression(new CollectionType(collectionScope.ItemType!), n.Span, ctx => Value.FromCollection(items(ctx.Snapshot)));
        }
        if (Scopes.All.FirstOrDefault(s => s.ItemName == n.Name) is { } other)
        {
            Report(KnownDiagnostics.NameNotInScope, n.Span, n.Name, _scope.Name, other.Name);
            return BoundExpression.Error(n.Span);
        }
        var candidates = GlobalNames.Concat(_scope.ItemName is { } name ? [name] : []);
        Report(KnownDiagnostics.UnknownName, n.Span, n.Name, DidYouMean.Suggest(n.Name, candidates));
        return BoundExpression.Error(n.Span);
    }
}
