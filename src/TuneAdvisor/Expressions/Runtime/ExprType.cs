using System.Collections.Immutable;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>The static type of a condition expression.</summary>
public abstract record ExprType(string Name)
{
    public static readonly PrimitiveType Integer = new("Integer");
    public static readonly PrimitiveType Number = new("Number");
    public static readonly PrimitiveType Bytes = new("Bytes");
    public static readonly PrimitiveType Duration = new("Duration");
    public static readonly PrimitiveType Percent = new("Percent");
    public static readonly PrimitiveType Boolean = new("Boolean");
    public static readonly PrimitiveType String = new("String");
    public static readonly PrimitiveType Version = new("Version");
    public static readonly PrimitiveType IntegerList = new("List<Integer>");
    public static readonly PrimitiveType StringList = new("List<String>");
    /// <summary>The type of an expression that already produced an error; it never causes a second one.</summary>
    public static readonly PrimitiveType Error = new("?");

    public bool IsNumeric => this == Integer || this == Number || this == Bytes || this == Duration || this == Percent;

    public sealed override string ToString() => Name;
}

public sealed record PrimitiveType(string Name) : ExprType(Name);

/// <summary>The type of one scope item (listener, connection, …) with its members.</summary>
public sealed record ItemType(string Name, ImmutableSortedDictionary<string, MemberDefinition> Members) : ExprType(Name)
{
    public bool Equals(ItemType? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A collection of scope items, e.g. <c>listeners</c>.</summary>
public sealed record CollectionType(ItemType Element) : ExprType($"List<{Element.Name}>");
