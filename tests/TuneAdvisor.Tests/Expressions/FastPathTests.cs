using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Expressions.Binding;
using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;
using TuneAdvisor.Expressions.Syntax;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Expressions;

/// <summary>
/// The typed fast paths (fused member comparisons, Kleene logic over <see cref="Truth"/>, NaN-as-unknown numbers)
/// must give exactly what the Value path gives: the same known results, and for an unknown the same "why" text,
/// which only the Value path builds. Each case names the path it exercises.
/// </summary>
public sealed class FastPathTests
{
    private static readonly ConnectionInfo Modern = Connection("ESTAB", new TcpInfo { Length = 280, Rtt = 150_000, MinRtt = 20_000, SndCwnd = 5, Retransmits = 1, BytesSent = 1000, BytesRetrans = 50, RcvWnd = 0 }, recvQ: 10);
    private static readonly ConnectionInfo OldKernel = Connection("ESTAB", new TcpInfo { Length = 232, Rtt = 500, MinRtt = 400, SndCwnd = 40, BytesSent = 0, BytesRetrans = 0 }, recvQ: 7);
    private static readonly ConnectionInfo NoInfo = Connection("TIME-WAIT", null, recvQ: 0) with { Memory = null, Congestion = null };

    private const string NoTcpInfo = "no tcp_info for tcp 10.0.0.1:443 -> 10.0.0.2:5000";
    private const string NoRcvWnd = "rcv_wnd is not reported by this kernel (tcp_info is 232 bytes)";

    private static ConnectionInfo Connection(string state, TcpInfo? info, long recvQ) => new()
    {
        Protocol = "tcp",
        State = state,
        Local = "10.0.0.1:443",
        Remote = "10.0.0.2:5000",
        RecvQ = recvQ,
        SendQ = 0,
        Timer = 0,
        Congestion = "cubic",
        Info = info,
        Memory = new SocketMemory(0, 100, 0, 0, 0, 0, 0, null, null),
    };

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // expression, then the result on Modern, OldKernel and NoInfo ("true", "false" or the unknown's reason)
        { "connection.rtt > 100ms", "true", "false", NoTcpInfo }, // member vs literal
        { "100ms < connection.rtt", "true", "false", NoTcpInfo }, // literal vs member, mirrored
        { "connection.cwnd <= 5", "true", "false", NoTcpInfo },
        { "connection.rtt > options.max_rtt", "true", "false", NoTcpInfo }, // member vs option
        { "connection.rtt > options.missing", "option missing has no value", "option missing has no value", NoTcpInfo },
        { "connection.recv_q >= options.fill * connection.rcvbuf", "true", "true", "socket memory (SKMEMINFO) is unknown" }, // member vs expression
        { "connection.recv_q >= options.fill * connection.rcvbuf * 2", "true", "false", "socket memory (SKMEMINFO) is unknown" },
        { "connection.rtt > 4 * connection.min_rtt", "true", "false", NoTcpInfo }, // expression vs member
        { "connection.bytes_retrans / connection.bytes_sent > 1%", "true", "division by zero", NoTcpInfo }, // expression vs literal
        { "connection.rtt - connection.min_rtt != 0ms", "true", "true", NoTcpInfo }, // expression vs literal, NotEqual
        { "connection.state == \"ESTAB\"", "true", "true", "false" }, // text member vs literal
        { "connection.state != \"ESTAB\"", "false", "false", "true" },
        { "connection.congestion == \"bbr\"", "false", "false", "congestion is unknown" },
        { "connection.state in [\"TIME-WAIT\", \"CLOSE-WAIT\"]", "false", "false", "true" }, // text member in a list
        { "connection.congestion in [\"bbr\", \"cubic\"]", "true", "true", "congestion is unknown" },
        { "connection.rcv_wnd == 0 and connection.recv_q > 0", "true", NoRcvWnd, "false" }, // unknown and true: the left reason
        { "connection.recv_q > 0 and connection.rcv_wnd == 0", "true", NoRcvWnd, "false" }, // true and unknown: the right reason
        { "connection.rcv_wnd == 0 and connection.recv_q > 100", "false", "false", "false" }, // unknown and false = false
        { "connection.rcv_wnd == 0 or connection.recv_q > 0", "true", "true", NoTcpInfo }, // unknown or true = true
        { "connection.rcv_wnd == 0 or connection.recv_q > 100", "true", NoRcvWnd, NoTcpInfo }, // unknown or false: the reason
        { "connection.rtt > 1s or connection.cwnd > 100", "false", "false", NoTcpInfo }, // both unknown: the left reason
        { "not (connection.congestion == \"bbr\")", "true", "true", "congestion is unknown" },
        { "not (connection.rtt > 100ms)", "false", "true", NoTcpInfo },
        { "-connection.rtt < -100ms", "true", "false", NoTcpInfo },
        { "known(connection.rtt)", "true", "true", "false" }, // known() over a number's fast path: never unknown
        { "known(connection.rcv_wnd)", "true", "false", "false" },
        { "known(connection.congestion)", "true", "true", "false" }, // over a string
        { "not known(connection.rcv_wnd) and connection.recv_q > 0", "false", "true", "false" },
        { "known(connection.rcv_wnd) and connection.rcv_wnd == 0", "true", "false", "false" }, // skips what a kernel lacks
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fast_paths_agree_with_the_value_path_and_keep_the_reason(string expression, string modern, string oldKernel, string noInfo)
    {
        var bound = Compile(expression);
        var ctx = Context();
        foreach (var (item, expected) in new[] { (Modern, modern), (OldKernel, oldKernel), (NoInfo, noInfo) })
        {
            ctx.Item = item;
            var value = bound.Eval(ctx);
            Assert.Equal(expected, Show(value));
            Assert.NotNull(bound.Test);
            Assert.Equal(Truths.Of(value), bound.Test!(ctx));
        }
    }

    [Fact]
    public void A_comparison_of_a_member_with_a_literal_is_fused_around_the_member()
    {
        var bound = Compile("connection.rtt > 100ms");
        var member = ItemTypes.Connection.Members["rtt"];
        Assert.NotNull(member.Number);
        Assert.NotNull(bound.Test);
        // The member node itself carries the typed reader the comparison fused with.
        var read = Compile("connection.rtt");
        Assert.Same(member, read.Member!.Definition);
        Assert.False(read.Member.OnIt);
        var ctx = Context();
        ctx.Item = Modern;
        Assert.Equal(0.15, read.Number!(ctx), 9);
        ctx.Item = NoInfo;
        Assert.True(double.IsNaN(read.Number!(ctx)));
        Assert.Equal(NoTcpInfo, read.Eval(ctx).UnknownReason);
    }

    [Fact]
    public void Members_on_it_inside_an_aggregate_use_the_fast_path_with_the_element()
    {
        var snapshot = Snapshot() with { Connections = [Modern, OldKernel] };
        var bound = Compile("any(connections, it.rtt > 100ms)", Scopes.Host);
        var ctx = new EvalContext(snapshot, Options());
        ctx.Item = Scopes.Host.Items(snapshot)[0];
        Assert.Equal("true", Show(bound.Eval(ctx)));
        var withUnknown = new EvalContext(snapshot with { Connections = [OldKernel, NoInfo] }, Options()) { Item = ctx.Item };
        Assert.Equal(NoTcpInfo, Show(bound.Eval(withUnknown)));
    }

    [Fact]
    public void Every_typed_member_reader_agrees_with_the_members_value_getter()
    {
        var ctx = Context();
        int checkedReaders = 0;
        foreach (var member in ItemTypes.Connection.Members.Values)
        {
            foreach (var item in new[] { Modern, OldKernel, NoInfo })
            {
                ctx.Item = item;
                var value = member.Get(item);
                if (member.Number is { } number)
                {
                    var fast = number.Read(onIt: false)(ctx);
                    if (value.IsUnknown)
                        Assert.True(double.IsNaN(fast), $"{member.Name} is unknown, the fast path gives {fast}");
                    else
                        Assert.Equal(value.Number, fast);
                    checkedReaders++;
                }
                if (member.Text is { } text)
                {
                    Assert.Equal(value.IsUnknown ? null : value.Text, text.Read(onIt: false)(ctx));
                    checkedReaders++;
                }
            }
        }
        Assert.True(checkedReaders > 100, $"only {checkedReaders} member readers checked");
    }

    [Fact]
    public void A_NaN_operand_is_left_to_the_value_path_which_knows_the_answer()
    {
        // NaN on a fast path means "ask Eval". A NaN option is a known number to the Value path (CompareTo orders
        // NaN below everything), so the condition's result must be the Value path's, not unknown.
        var bound = Compile("connection.rtt > options.max_rtt");
        var ctx = new EvalContext(Snapshot(), Options(maxRtt: double.NaN)) { Item = Modern };
        Assert.Equal("true", Show(bound.Eval(ctx)));
        Assert.Equal(Truth.Unknown, bound.Test!(ctx));
    }

    [Fact]
    public void Replacing_eval_drops_the_fast_paths_that_no_longer_agree_with_it()
    {
        var bound = Compile("connection.rtt > 100ms") with { Eval = _ => Value.False };
        Assert.Null(bound.Test);
        Assert.Null(bound.Number);
        Assert.Null(bound.Member);
        var ctx = Context();
        ctx.Item = Modern;
        Assert.Equal(Truth.False, bound.TestPath()(ctx));
    }

    [Fact]
    public void A_batch_moves_by_index_and_setting_an_item_never_writes_into_it()
    {
        var ctx = Context();
        object[] batch = [Modern, OldKernel];
        ctx.SetItems(batch);
        Assert.Same(Modern, ctx.Item);
        ctx.Index = 1;
        Assert.Same(OldKernel, ctx.Item);
        ctx.Item = NoInfo;
        Assert.Same(NoInfo, ctx.Item);
        Assert.Equal(0, ctx.Index);
        Assert.Same(Modern, batch[0]);
        Assert.Same(OldKernel, batch[1]);
    }

    private static ImmutableDictionary<string, Value> Options(double maxRtt = 0.1) => ImmutableDictionary<string, Value>.Empty
        .Add("max_rtt", Value.FromNumber(maxRtt))
        .Add("fill", Value.FromNumber(0.05));

    private static SystemSnapshot Snapshot() => new()
    {
        Source = new SnapshotSource(SnapshotSource.Live, "/", [SnapshotCapability.Connections, SnapshotCapability.TcpInfo], []),
        Host = new HostInfo { Hostname = "test", Kernel = "6.12.0" },
    };

    private static EvalContext Context() => new(Snapshot(), Options());

    private static BoundExpression Compile(string expression, ScopeDefinition? scope = null)
    {
        var diagnostics = new DiagnosticBag();
        var options = new Dictionary<string, ExprType>
        {
            ["max_rtt"] = ExprType.Duration,
            ["fill"] = ExprType.Percent,
            ["missing"] = ExprType.Duration,
        };
        var bound = Binder.Compile(ExpressionSource.Standalone(expression, "expr"), scope ?? Scopes.Connection, options, diagnostics, out _);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableSorted()));
        return bound;
    }

    private static string Show(Value v) => v.IsUnknown ? v.UnknownReason : v.Boolean ? "true" : "false";
}
