using Mono.Cecil;
using Mono.Cecil.Cil;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Architecture;

/// <summary>
/// Every file TuneAdvisor reads goes through <see cref="TuneAdvisor.IO.BoundedFileReader"/> (issue #14): the managed
/// read APIs block on a FIFO when they open it and trust the reported size, which is 0 for /dev/zero. Read from the
/// built IL of the library and the CLI, so a fully qualified call is caught too.
/// </summary>
public sealed class FileReadTests
{
    private static readonly HashSet<string> ReadingFileMethods = new(StringComparer.Ordinal)
    {
        "ReadAllText", "ReadAllTextAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadAllLines", "ReadAllLinesAsync",
        "ReadLines", "ReadLinesAsync", "OpenRead", "OpenText", "Open", "OpenHandle",
    };

    /// <summary>Writers of what the user asked for (the report, the remediation bundle) may open files, for writing only.</summary>
    private static readonly HashSet<string> Writers = new(StringComparer.Ordinal)
    {
        "TuneAdvisor.Cli.Commands.Output",
        "TuneAdvisor.Baselines.BaselineWriter",
    };

    public static IEnumerable<string> Reads(string assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly);
        foreach (var type in module.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is not null)
                owner = owner.DeclaringType;
            if (Writers.Contains(owner.FullName))
                continue;
            foreach (var method in type.Methods.Where(m => m.HasBody))
                foreach (var call in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt || i.OpCode == OpCodes.Newobj))
                {
                    if (call.Operand is not MethodReference target)
                        continue;
                    var declaring = target.DeclaringType.FullName;
                    bool reads = declaring is "System.IO.File" or "System.IO.FileInfo" && ReadingFileMethods.Contains(target.Name)
                        || declaring is "System.IO.FileStream" && target.Name == ".ctor"
                        || declaring is "System.IO.StreamReader" && target.Name == ".ctor" && target.Parameters.Count > 0 && target.Parameters[0].ParameterType.FullName == "System.String";
                    if (reads)
                        yield return $"{type.FullName}.{method.Name} calls {declaring}.{target.Name}";
                }
        }
    }

    [Fact]
    public void No_code_reads_a_file_around_the_bounded_reader()
    {
        var found = new[] { typeof(SystemSnapshot).Assembly.Location, typeof(TuneAdvisor.Cli.Cli).Assembly.Location }.SelectMany(Reads).ToList();
        Assert.True(found.Count == 0, "read these through BoundedFileReader:\n" + string.Join("\n", found));
    }
}
