using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Expressions;

/// <summary>
/// A queue known only as a lower bound (a pasted row cut inside its Recv-Q "518…"): a comparison on the member read
/// decides when the bound does, and is unknown with the cut as its reason otherwise; an operator that derives a new
/// value from it (x - 500, -x) passes a plain unknown, never the bound.
/// </summary>
public sealed class LowerBoundTests
{
    private static readonly ConnectionInfo Cut = new()
    {
        Protocol = "tcp", State = "CLOSE-WAIT", Local = "10.0.0.1:443", Remote = "…", RecvQ = 518, RecvQAtLeast = true, SendQ = 0,
        Truncated = true, Source = "ss.txt:16",
    };

    private const string Why = "Recv-Q of tcp 10.0.0.1:443 is at least 518: the pasted row was cut inside the number, so digits may be missing (ss.txt:16)";

    public static TheoryData<string, string> Cases() => new()
    {
        { "connection.recv_q > 100", "true" },
        { "connection.recv_q >= 518", "true" },
        { "connection.recv_q > 1000", Why },
        { "connection.recv_q > 518", Why },
        { "connection.recv_q < 100", "false" },
        { "connection.recv_q <= 517", "false" },
        { "connection.recv_q < 1000", Why },
        { "connection.recv_q == 5", "false" },
        { "connection.recv_q == 518", Why },
        { "connection.recv_q != 5", "true" },
        { "100 < connection.recv_q", "true" },             // mirrored
        { "1000 > connection.recv_q", Why },
        { "connection.recv_q > connection.send_q", "true" }, // two members, the bound on the left
        { "connection.send_q < connection.recv_q", "true" }, // and on the right
        { "connection.recv_q - 500 > 0", Why },            // arithmetic passes a plain unknown: not "at least 18"
        { "500 - connection.recv_q < 0", Why },
        { "-connection.recv_q < 0", Why },
        { "connection.recv_q > 1000 or connection.recv_q > 100", "true" },
        { "not (connection.recv_q > 100)", "false" },
        { "connection.recv_q > 1000 and connection.recv_q < 100", "false" },
        { "known(connection.recv_q)", "true" },             // a bound is a value known to be at least N: known
        { "known(connection.recv_q - 500)", "false" },      // what an operator derives from it is plain unknown
        { "not known(connection.recv_q)", "false" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_lower_bound_decides_only_what_it_bounds(string expression, string expected)
    {
        var ctx = new EvalContext(new SystemSnapshot
        {
            Source = new SnapshotSource(SnapshotSource.Live, "/", [SnapshotCapability.Connections], []),
            Host = new HostInfo { Hostname = "test", Kernel = "6.12.0" },
        }, ImmutableDictionary<string, Value>.Empty) { Item = Cut };
        var value = Compile(expression).Eval(ctx);
        Assert.Equal(expected, value.IsUnknown ? value.UnknownReason : value.Boolean ? "true" : "false");
        Assert.Null(value.LowerBound);   // a result is never itself a bound
    }

    [Fact]
    public void The_member_itself_shows_the_bound_and_a_derived_value_does_not()
    {
        var ctx = new EvalContext(new SystemSnapshot
        {
            Source = new SnapshotSource(SnapshotSource.Live, "/", [SnapshotCapability.Connections], []),
            Host = new HostInfo { Hostname = "test", Kernel = "6.12.0" },
        }, ImmutableDictionary<string, Value>.Empty) { Item = Cut };
        var read = Compile("connection.recv_q");
        Assert.Equal("at least 518", read.Eval(ctx).Format(read.Type));
        Assert.True(double.IsNaN(read.Number!(ctx)));       // the fast path sees an unknown and asks the Value path
        var derived = Compile("connection.recv_q * 2");
        Assert.Equal("unknown", derived.Eval(ctx).Format(derived.Type));
    }

    /// <summary>A count between 2 and 3 (two complete rows and one cut row that may be counted too).</summary>
    [Theory]
    [InlineData(TokenKind.GreaterEqual, 2, true)]
    [InlineData(TokenKind.GreaterEqual, 3, null)]
    [InlineData(TokenKind.GreaterEqual, 4, false)]
    [InlineData(TokenKind.Greater, 1, true)]
    [InlineData(TokenKind.Greater, 2, null)]
    [InlineData(TokenKind.Greater, 3, false)]
    [InlineData(TokenKind.Less, 2, false)]
    [InlineData(TokenKind.Less, 3, null)]
    [InlineData(TokenKind.Less, 4, true)]
    [InlineData(TokenKind.LessEqual, 1, false)]
    [InlineData(TokenKind.LessEqual, 2, null)]
    [InlineData(TokenKind.LessEqual, 3, true)]
    [InlineData(TokenKind.EqualEqual, 1, false)]
    [InlineData(TokenKind.EqualEqual, 2, null)]
    [InlineData(TokenKind.EqualEqual, 4, false)]
    [InlineData(TokenKind.BangEqual, 4, true)]
    [InlineData(TokenKind.BangEqual, 3, null)]
    public void A_range_decides_when_both_ends_agree(TokenKind op, double limit, bool? expected)
    {
        Assert.Equal(expected, LowerBounds.Within(op, 2, 3, limit));
        var range = Value.Within(2, 3, Cut, _ => "two rows and a cut one");
        Assert.Equal(3, range.UpperBound);
        Assert.Equal(expected, LowerBounds.Compare(op, range, true, Value.FromNumber(limit), false));
        Assert.Equal(expected, LowerBounds.Compare(Comparisons.Mirror(op), Value.FromNumber(limit), false, range, true));
    }

    [Fact]
    public void A_range_formats_as_its_two_ends_and_a_lower_bound_has_no_upper_one()
    {
        Assert.Equal("2 to 3", Value.Within(2, 3, Cut, _ => "r").Format(ExprType.Integer));
        Assert.Equal("50% to 51%", Value.Within(0.5, 0.51, Cut, _ => "r").Format(ExprType.Percent));
        Assert.Null(Value.AtLeast(518, Cut, _ => "r").UpperBound);
        Assert.Null(Value.Within(2, 3, Cut, _ => "r").WithoutBound().UpperBound);
    }

    private static BoundExpression Compile(string expression)
    {
        var diagnostics = new DiagnosticBag();
        var bound = Binder.Compile(ExpressionSource.Standalone(expression, "expr"), Scopes.Connection, new Dictionary<string, ExprType>(), diagnostics, out _);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableSorted()));
        return bound;
    }
}
