using Mono.Cecil;
using Mono.Cecil.Cil;
using TuneAdvisor.Sources;

namespace TuneAdvisor.Tests.Architecture;

/// <summary>
/// Which top-level namespaces of the library (TuneAdvisor.Collection, TuneAdvisor.Rules, …) use which others, read
/// from the compiled assembly's metadata and IL with Mono.Cecil: base types, interfaces, fields, properties, method
/// signatures, locals, and every type, method and field a method body names. Reading the IL rather than `using`
/// directives also catches fully qualified names, parent-namespace lookups and extension methods.
/// Compiler-generated nested types (lambdas, iterators, async state machines) count for the type that owns them.
/// </summary>
public sealed class NamespaceGraph
{
    private NamespaceGraph(SortedDictionary<string, SortedDictionary<string, string>> edges) => Edges = edges;

    /// <summary>From → (to → one example "Type uses Type" that explains the edge).</summary>
    public SortedDictionary<string, SortedDictionary<string, string>> Edges { get; }

    /// <summary>The graph of the namespaces directly below <paramref name="root"/> ("TuneAdvisor", or "TuneAdvisor.Expressions").</summary>
    public static NamespaceGraph Read(string assemblyPath, string root = "TuneAdvisor")
    {
        var edges = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var from = TopLevel(OwnerNamespace(type), root);
            if (from is null)
                continue;
            foreach (var used in UsedTypes(type))
            {
                var to = TopLevel(OwnerNamespace(used), root);
                if (to is null || to == from)
                    continue;
                if (!edges.TryGetValue(from, out var targets))
                    edges[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
                targets.TryAdd(to, $"{type.FullName} uses {used.FullName}");
            }
        }
        return new NamespaceGraph(edges);
    }

    /// <summary>A copy with one more edge (to show that the cycle search finds what it should).</summary>
    public NamespaceGraph With(string from, string to, string why)
    {
        var copy = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (k, v) in Edges)
            copy[k] = new SortedDictionary<string, string>(v, StringComparer.Ordinal);
        if (!copy.TryGetValue(from, out var targets))
            copy[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        targets[to] = why;
        return new NamespaceGraph(copy);
    }

    /// <summary>Every cycle between top-level namespaces, each as "A -> B -> A" with the edges' examples.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in Edges.Keys)
            Walk(start, start, [start], new HashSet<string>(StringComparer.Ordinal) { start }, cycles, reported);
        return cycles;
    }

    private void Walk(string start, string node, List<string> path, HashSet<string> onPath, List<string> cycles, HashSet<string> reported)
    {
        if (!Edges.TryGetValue(node, out var targets))
            return;
        foreach (var next in targets.Keys)
        {
            if (next == start)
            {
                var members = path.Order(StringComparer.Ordinal).ToList();
                if (reported.Add(string.Join(",", members)))
                {
                    var steps = path.Append(start).Zip(path.Skip(1).Append(start), (a, b) => $"{a} -> {b} ({Edges[a][b]})");
                    cycles.Add(string.Join("; ", steps));
                }
            }
            else if (string.CompareOrdinal(next, start) > 0 && onPath.Add(next))
            {
                path.Add(next);
                Walk(start, next, path, onPath, cycles, reported);
                path.RemoveAt(path.Count - 1);
                onPath.Remove(next);
            }
        }
    }

    /// <summary>"TuneAdvisor.Collection.Netlink" → "Collection"; "TuneAdvisor" → "(root)"; outside <paramref name="root"/> → null.</summary>
    private static string? TopLevel(string ns, string root)
    {
        if (ns == root)
            return "(root)";
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal))
            return null;
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static string OwnerNamespace(TypeReference type)
    {
        while (type is TypeSpecification spec)
            type = spec.ElementType;
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type.Namespace;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            if (t is null)
                return;
            found.Add(t);
            if (t is GenericInstanceType g)
                foreach (var a in g.GenericArguments)
                    Add(a);
            else if (t is TypeSpecification spec)
                Add(spec.ElementType);
        }
        void AddMember(MemberReference m)
        {
            switch (m)
            {
                case TypeReference t:
                    Add(t);
                    break;
                case MethodReference method:
                    Add(method.DeclaringType);
                    Add(method.ReturnType);
                    foreach (var p in method.Parameters)
                        Add(p.ParameterType);
                    if (method is GenericInstanceMethod gm)
                        foreach (var a in gm.GenericArguments)
                            Add(a);
                    break;
                case FieldReference field:
                    Add(field.DeclaringType);
                    Add(field.FieldType);
                    break;
            }
        }

        Add(type.BaseType);
        foreach (var i in type.Interfaces)
            Add(i.InterfaceType);
        foreach (var a in type.CustomAttributes)
            Add(a.AttributeType);
        foreach (var f in type.Fields)
            Add(f.FieldType);
        foreach (var p in type.Properties)
            Add(p.PropertyType);
        foreach (var method in type.Methods)
        {
            AddMember(method);
            if (!method.HasBody)
                continue;
            foreach (var v in method.Body.Variables)
                Add(v.VariableType);
            foreach (var instruction in method.Body.Instructions)
                if (instruction.Operand is MemberReference member)
                    AddMember(member);
        }
        return found;
    }
}
