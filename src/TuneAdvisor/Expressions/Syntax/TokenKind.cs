using TuneAdvisor.Expressions.Runtime;
using TuneAdvisor.Expressions.Schema;

namespace TuneAdvisor.Expressions.Syntax;

public enum TokenKind
{
    End,
    Number,
    String,
    Identifier,
    True,
    False,
    And,
    Or,
    Not,
    In,
    Where,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    BangEqual,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
    Bad,
}
