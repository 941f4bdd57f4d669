using System.Runtime.CompilerServices;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Expressions.Schema;

/// <summary>
/// The stable name of a connection: the service it belongs to and the peer, never the ephemeral port, which changes
/// with every connection (so a finding about it would be new in every run, and a baseline could never hold it).
/// <list type="bullet">
/// <item>Accepted here (the local port is a listening port of the protocol, or lower than the peer's): the local
/// address and port and the peer's address, <c>connection tcp 10.0.0.1:443 &lt;- 10.0.0.2</c>.</item>
/// <item>Opened from here: the local address and the peer's address and port, <c>connection tcp 10.0.0.1 -&gt; 10.0.0.2:5432</c>.</item>
/// </list>
/// A row without both ports (cut in a paste) keeps its full addresses. Several connections from one peer to one
/// service share the name; the evaluator numbers them (<see cref="ScopeDefinition.Interchangeable"/>).
/// </summary>
public static class ConnectionSubject
{
    private static readonly ConditionalWeakTable<SystemSnapshot, HashSet<(string, int)>> Listening = new();

    /// <summary>"10.0.0.1:443 &lt;- 10.0.0.2" or "10.0.0.1 -&gt; 10.0.0.2:5432": the two ends, without the scope word and protocol.</summary>
    public static string Ends(SystemSnapshot snapshot, ConnectionInfo c)
    {
        var local = Split(c.Local, c.LocalPort);
        var remote = Split(c.Remote, c.RemotePort);
        if (local is not { } l || remote is not { } r)
            return $"{c.Local} -> {c.Remote}";
        bool accepted = ListeningPorts(snapshot).Contains((c.Protocol, l.Port)) || l.Port < r.Port;
        return accepted ? $"{c.Local} <- {r.Address}" : $"{l.Address} -> {c.Remote}";
    }

    /// <summary>"10.0.0.1:443" → ("10.0.0.1", 443), "[::1]:80" → ("[::1]", 80); null without a port ("*:*", a cut "10.0.…").</summary>
    private static (string Address, int Port)? Split(string endpoint, int? port)
    {
        int colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || colon == endpoint.Length - 1)
            return null;
        if (port is null)
        {
            if (!int.TryParse(endpoint.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                return null;
            port = parsed;
        }
        else if (!endpoint.AsSpan(colon + 1).SequenceEqual(port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            return null;
        return (endpoint[..colon], port.Value);
    }

    /// <summary>(protocol, port) of every listener with a known port, built once per snapshot.</summary>
    private static HashSet<(string, int)> ListeningPorts(SystemSnapshot snapshot) =>
        Listening.GetValue(snapshot, static s => [.. s.Listeners.Select(l => (l.Protocol, Split(l.Local, l.Port)?.Port)).Where(p => p.Port is not null).Select(p => (p.Protocol, p.Port!.Value))]);
}
