using System.Collections.Immutable;
using TuneAdvisor.Expressions.Runtime;

namespace TuneAdvisor.Tests.Expressions;

/// <summary>Value keeps its kind in the reference slot; each factory must still report its own kind and payload.</summary>
public sealed class ValueTests
{
    private sealed record Item(string Name);

    public static TheoryData<string, ValueKind> Factories() => new()
    {
        { "number", ValueKind.Number },
        { "true", ValueKind.Boolean },
        { "false", ValueKind.Boolean },
        { "string", ValueKind.String },
        { "version", ValueKind.Version },
        { "list", ValueKind.List },
        { "strings", ValueKind.List },
        { "item", ValueKind.Item },
        { "collection", ValueKind.Collection },
        { "unknown", ValueKind.Unknown },
        { "deferred", ValueKind.Unknown },
    };

    private static Value Make(string name) => name switch
    {
        "number" => Value.FromNumber(2.5),
        "true" => Value.True,
        "false" => Value.FromBoolean(false),
        "string" => Value.FromString("ESTAB"),
        "version" => Value.FromVersion(new TuneAdvisor.Knowledge.KernelVersion(6, 1)),
        "list" => Value.FromList([4096, 131072]),
        "strings" => Value.FromStrings(["a", "b"]),
        "item" => Value.FromItem(new Item("x")),
        "collection" => Value.FromCollection(ImmutableArray.Create<object>(new Item("x"), new Item("y"))),
        "unknown" => Value.Unknown("why"),
        _ => Value.Unknown(new Item("z"), o => $"{((Item)o).Name} is missing"),
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Each_factory_reports_its_kind(string factory, ValueKind kind)
    {
        var v = Make(factory);
        Assert.Equal(kind, v.Kind);
        Assert.Equal(kind == ValueKind.Unknown, v.IsUnknown);
        Assert.Equal(kind is ValueKind.Number or ValueKind.Boolean or ValueKind.Unknown, v.Reference is null);
    }

    [Fact]
    public void Payloads_read_back()
    {
        Assert.Equal(2.5, Make("number").Number);
        Assert.True(Make("true").Boolean);
        Assert.False(Make("false").Boolean);
        Assert.Equal("ESTAB", Make("string").Text);
        Assert.Equal(new TuneAdvisor.Knowledge.KernelVersion(6, 1), Make("version").VersionValue);
        Assert.Equal(new[] { 4096L, 131072L }, Make("list").List.ToArray());
        Assert.Equal(new[] { "a", "b" }, Make("strings").Strings.ToArray());
        Assert.Equal(new Item("x"), Make("item").Reference);
        Assert.Equal("2 item(s)", Make("collection").Format(ExprType.Number));
        Assert.Equal("4096 131072", Make("list").Format(ExprType.IntegerList));
        Assert.Equal("unknown (why)", Make("unknown").ToString());
        Assert.Equal("unknown", Make("deferred").Format(ExprType.Number));
    }

    [Fact]
    public void A_deferred_reason_is_formatted_only_when_read()
    {
        int calls = 0;
        var v = Value.Unknown(new Item("rcv_wnd"), o => { calls++; return $"{((Item)o).Name} is not reported"; });
        Assert.True(v.IsUnknown);
        Assert.Equal(0, calls);
        Assert.Equal("rcv_wnd is not reported", v.UnknownReason);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Numbers_are_not_unknown_even_when_zero() => Assert.False(Value.FromNumber(0).IsUnknown);
}
