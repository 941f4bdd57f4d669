using System.Globalization;

namespace TuneAdvisor.Expressions.Runtime;

/// <summary>Unit suffixes of number literals and their formatting: bytes (KiB, MB…), durations (µs…h), percent.</summary>
public static class Units
{
    /// <summary>Resolves a literal's unit to its type and factor to the base unit; false for an unknown suffix.</summary>
    public static bool TryResolve(string unit, bool hasFraction, out ExprType type, out double factor)
    {
        factor = 1;
        switch (unit)
        {
            case "": type = hasFraction ? ExprType.Number : ExprType.Integer; return true;
            case "%": type = ExprType.Percent; factor = 0.01; return true;
            case "B": type = ExprType.Bytes; return true;
            case "KB": case "kB": type = ExprType.Bytes; factor = 1e3; return true;
            case "MB": type = ExprType.Bytes; factor = 1e6; return true;
            case "GB": type = ExprType.Bytes; factor = 1e9; return true;
            case "TB": type = ExprType.Bytes; factor = 1e12; return true;
            case "KiB": type = ExprType.Bytes; factor = 1024; return true;
            case "MiB": type = ExprType.Bytes; factor = 1024 * 1024; return true;
            case "GiB": type = ExprType.Bytes; factor = 1024d * 1024 * 1024; return true;
            case "TiB": type = ExprType.Bytes; factor = 1024d * 1024 * 1024 * 1024; return true;
            case "ns": type = ExprType.Duration; factor = 1e-9; return true;
            case "us": type = ExprType.Duration; factor = 1e-6; return true;
            case "ms": type = ExprType.Duration; factor = 1e-3; return true;
            case "s": type = ExprType.Duration; return true;
            case "min": type = ExprType.Duration; factor = 60; return true;
            case "h": type = ExprType.Duration; factor = 3600; return true;
            case "d": type = ExprType.Duration; factor = 86400; return true;
            default: type = ExprType.Error; return false;
        }
    }

    public const string Known = "%, B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, ns, us, ms, s, min, h, d";

    public static string FormatBytes(double bytes)
    {
        string[] names = ["B", "KiB", "MiB", "GiB", "TiB"];
        int i = 0;
        double v = bytes;
        while (Math.Abs(v) >= 1024 && i < names.Length - 1 && v % 1024 == 0)
        {
            v /= 1024;
            i++;
        }
        return i == 0 ? Value.FormatNumber(bytes) : $"{Value.FormatNumber(v)} {names[i]}";
    }

    public static string FormatDuration(double seconds)
    {
        double a = Math.Abs(seconds);
        if (a == 0) return "0 s";
        if (a < 1e-3) return Value.FormatNumber(Math.Round(seconds * 1e6, 1)) + " µs";
        if (a < 1) return Value.FormatNumber(Math.Round(seconds * 1e3, 3)) + " ms";
        return Value.FormatNumber(Math.Round(seconds, 3)).ToString(CultureInfo.InvariantCulture) + " s";
    }
}
