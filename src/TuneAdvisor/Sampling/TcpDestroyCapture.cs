using System.Collections.Immutable;

namespace TuneAdvisor.Sampling;

/// <summary>
/// The TCP connections whose destroy events arrived while a two-sample collection ran, in arrival order.
/// <see cref="FirstSampleMark"/> splits them: the first that many arrived before the first sample was complete, so a
/// socket among them that the first sample did not list closed before (or while) the window opened.
/// </summary>
public sealed record TcpDestroyCapture(ImmutableArray<ClosedSocket> Sockets, int FirstSampleMark);
