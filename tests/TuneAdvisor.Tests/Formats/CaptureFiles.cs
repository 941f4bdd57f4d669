
namespace TuneAdvisor.Tests.Formats;

/// <summary>The committed captures (TestFiles/Captures) and the parser kind each must be detected as.</summary>
public static class CaptureFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestFiles", "Captures");

    public static string Path_(string name) => Path.Combine(Directory, name);

    public static string Text(string name) => File.ReadAllText(Path_(name));

    /// <summary>File name → expected <c>IInputParser.Kind</c>; null for kinds whose parsers are in other branches.</summary>
    public static string? ExpectedKind(string name) => name switch
    {
        "ss_-s.txt" => "ss -s",
        _ when name.StartsWith("ss_", StringComparison.Ordinal) => "ss",
        _ when name.StartsWith("netstat_-s", StringComparison.Ordinal) => "netstat -s",
        _ when name.StartsWith("netstat_", StringComparison.Ordinal) => "netstat",
        _ when name.StartsWith("nstat", StringComparison.Ordinal) => "nstat",
        _ when name.StartsWith("sysctl", StringComparison.Ordinal) => "sysctl",
        _ when name.StartsWith("uname", StringComparison.Ordinal) => "uname",
        "proc_net_netstat.txt" or "proc_net_snmp.txt" or "proc_net_snmp6.txt" => "/proc/net/netstat, snmp, snmp6",
        _ when name.StartsWith("softirqs/", StringComparison.Ordinal) => "/proc/softirqs",
        _ => null,
    };
}
