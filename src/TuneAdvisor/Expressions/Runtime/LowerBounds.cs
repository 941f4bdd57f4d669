using TuneAdvisor.Expressions.Syntax;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>
/// Comparisons with a value known only to be at least N (<see cref="Value.LowerBound"/>: a queue length whose digits
/// were cut off at the end of a pasted row), and perhaps at most M (<see cref="Value.UpperBound"/>: a count that the
/// rows cut in a paste may add to). <c>x &gt; c</c> is true when N &gt; c, false when M ≤ c, and unknown otherwise;
/// <c>x &lt; c</c> is false when N ≥ c, true when M &lt; c, and unknown otherwise; and so on. Only a member read
/// directly is taken as a bound: an operator that passes an unknown on (x + 1, -x, min(x, y)) passes a plain unknown,
/// so a bound never leaks into a result it does not bound.
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
            return Within(op, n, x.UpperBound, y.Number);
        if (yBound && y.LowerBound is { } m && !x.IsUnknown)
            return Within(Comparisons.Mirror(op), m, y.UpperBound, x.Number);
        return null;
    }

    /// <summary><c>x op c</c> for an x known to be ≥ <paramref name="n"/> and, when <paramref name="m"/> is given, ≤ m.</summary>
    public static bool? Within(TokenKind op, double n, double? m, double c) => op switch
    {
        TokenKind.Greater => n > c ? true : m <= c ? false : null,
        TokenKind.GreaterEqual => n >= c ? true : m < c ? false : null,
        TokenKind.Less => n >= c ? false : m < c ? true : null,
        TokenKind.LessEqual => n > c ? false : m <= c ? true : null,
        TokenKind.EqualEqual => n > c || m < c ? false : null,
        TokenKind.BangEqual => n > c || m < c ? true : null,
        _ => null,
    };

    /// <summary>The unknown a comparison returns when the bound does not decide it: the operand's reason, without the bound.</summary>
    public static Value Undecided(Value x, Value y) => (x.IsUnknown ? x : y).WithoutBound();
}
