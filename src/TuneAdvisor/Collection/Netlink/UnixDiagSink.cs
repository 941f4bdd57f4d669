using TuneAdvisor.Sampling;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>Decodes each reply of a unix_diag dump into a list.</summary>
public sealed class UnixDiagSink : INetlinkDumpSink
{
    public List<UnixDiagSocket> Sockets { get; } = new();

    public int ProblemCount { get; private set; }

    public string? FirstProblem { get; private set; }

    public void Reset()
    {
        Sockets.Clear();
        ProblemCount = 0;
        FirstProblem = null;
    }

    public void OnMessage(scoped in NetlinkMessage message)
    {
        if (UnixDiagParser.TryParse(message.Payload, out var socket, out var problem))
            Sockets.Add(socket);
        if (problem is not null)
        {
            ProblemCount++;
            FirstProblem ??= problem;
        }
    }
}
