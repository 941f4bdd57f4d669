using System.Collections.Immutable;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// Typed access to a string member for compiled fast paths, as <see cref="NumberMember"/> is for numbers: null or
/// <see cref="Truth.Unknown"/> when the member is unknown, and the member's Value getter tells why.
/// </summary>
public abstract class TextMember
{
    public static TextMember Create<T>(Func<T, string?> get) where T : class => new Typed<T>(get);

    /// <summary>The member's value on the current item, null when it is unknown.</summary>
    public abstract Func<EvalContext, string?> Read(bool onIt);

    /// <summary>
    /// <c>member in texts</c> in one closure (<c>member == text</c> is a list of one, <c>!=</c> its negation);
    /// <paramref name="slow"/> is the Value path, asked for the reason when the member is unknown.
    /// </summary>
    public abstract BooleanPaths In(ImmutableArray<string> texts, bool negate, bool onIt, Func<EvalContext, Value> slow);

    private sealed class Typed<T>(Func<T, string?> get) : TextMember where T : class
    {
        public override Func<EvalContext, string?> Read(bool onIt) => ctx => get((T)NumberMember.ItemOf(ctx, onIt));

        public override BooleanPaths In(ImmutableArray<string> texts, bool negate, bool onIt, Func<EvalContext, Value> slow) =>
            new(Build<Truth, TruthResult>(texts, negate, onIt, Truths.AlwaysUnknown), Build<Value, ValueResult>(texts, negate, onIt, slow));

        private Func<EvalContext, TResult> Build<TResult, TKind>(ImmutableArray<string> texts, bool negate, bool onIt, Func<EvalContext, TResult> unknown)
            where TKind : struct, IResultKind<TResult>
        {
            var g = get;
            if (texts.Length == 1)
            {
                var text = texts[0];
                return ctx => g((T)NumberMember.ItemOf(ctx, onIt)) is { } s ? TKind.Of(string.Equals(s, text, StringComparison.Ordinal) != negate) : unknown(ctx);
            }
            var array = texts.ToArray();
            return ctx => g((T)NumberMember.ItemOf(ctx, onIt)) is { } s ? TKind.Of(Contains(array, s) != negate) : unknown(ctx);
        }
    }

    /// <summary>Ordinal membership, as <see cref="ImmutableArray{T}.Contains(T)"/> on strings.</summary>
    internal static bool Contains(string[] texts, string s)
    {
        foreach (var t in texts)
        {
            if (string.Equals(t, s, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
