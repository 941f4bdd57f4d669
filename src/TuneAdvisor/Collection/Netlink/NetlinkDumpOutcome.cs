
namespace TuneAdvisor.Collection.Netlink;

/// <summary>How a dump ended.</summary>
/// <param name="Complete">NLMSG_DONE arrived; the sink holds the whole table (possibly inconsistent when <paramref name="Interrupted"/>).</param>
/// <param name="Interrupted">The last attempt still carried NLM_F_DUMP_INTR after every retry; the data is kept.</param>
/// <param name="Errno">The positive errno of a failure (NLMSG_ERROR, DONE with an error, send/recv), 0 otherwise.</param>
/// <param name="Problem">The failure in words, or null.</param>
/// <param name="Attempts">Dumps started (more than one after NLM_F_DUMP_INTR).</param>
/// <param name="Messages">Data messages of the last attempt.</param>
public sealed record NetlinkDumpOutcome(bool Complete, bool Interrupted, int Errno, string? Problem, int Attempts, int Messages);
