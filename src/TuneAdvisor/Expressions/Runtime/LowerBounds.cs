using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// Comparisons with a value known only to be at least N (<see cref="Value.LowerBound"/>: a queue length whose digits
/// were cut off at the end of a pasted row). <c>x &gt; c</c> is true when N &gt; c and unknown otherwise; <c>x &lt; c</c>
/// is false when N ≥ c and unknown otherwise; and so on. Only a member read directly is taken as a bound: an operator
/// that passes an unknown on (x + 1, -x, min(x, y)) passes a plain unknown, so a bound never leaks into a result it
/// does not bound.
/// </summary>
public static class LowerBounds
{
    /// <summary>
    /// <c>x op y</c> where either side may be a bound (and is a direct member read: <paramref name="xBound"/>,
    /// <paramref name="yBound"/>); null when the answer stays unknown.
    /// </summary>
    public static bool? Compare(TokenKind op, Value x, bool xBound, Value y, bool yBound)
    {
        if (xBound && x.LowerBound is { } n && !y.IsUnknown)
            return AtLeast(op, n, y.Number);
        if (yBound && y.LowerBound is { } m && !x.IsUnknown)
            return AtLeast(Comparisons.Mirror(op), m, x.Number);
        return null;
    }

    /// <summary><c>x op c</c> for an x known to be ≥ <paramref name="n"/>.</summary>
    public static bool? AtLeast(TokenKind op, double n, double c) => op switch
    {
        TokenKind.Greater => n > c ? true : null,
        TokenKind.GreaterEqual => n >= c ? true : null,
        TokenKind.Less => n >= c ? false : null,
        TokenKind.LessEqual => n > c ? false : null,
        TokenKind.EqualEqual => n > c ? false : null,
        TokenKind.BangEqual => n > c ? true : null,
        _ => null,
    };

    /// <summary>The unknown a comparison returns when the bound does not decide it: the operand's reason, without the bound.</summary>
    public static Value Undecided(Value x, Value y) => (x.IsUnknown ? x : y).WithoutBound();
}
