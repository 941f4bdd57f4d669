
namespace TuneAdvisor.Benchmarks;

/// <summary>How many (rule, connection) pairs failed, passed or could not be evaluated.</summary>
public readonly record struct Tally(int Fail, int Pass, int Unknown)
{
    public Tally Add(bool? result) => result switch
    {
        true => this with { Fail = Fail + 1 },
        false => this with { Pass = Pass + 1 },
        null => this with { Unknown = Unknown + 1 },
    };

    public override string ToString() => $"{Fail} fail, {Pass} pass, {Unknown} unknown";
}
