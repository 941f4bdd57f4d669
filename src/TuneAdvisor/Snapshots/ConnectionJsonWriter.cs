using System.Collections.Immutable;
using System.Text.Json;

namespace TuneAdvisor.Snapshots;

/// <summary>
/// Writes a <see cref="ConnectionInfo"/> as JSON, byte for byte what the source-generated serializer writes (null
/// properties left out; ConnectionJsonWriterTests compares the two over every property), without its per-property
/// detour: the generator writes each nullable number through JsonSerializer.Serialize, which sets up a write stack and
/// flushes the writer, and a connection has some forty of them. For 100 000 connections that detour was most of the
/// time spent writing the snapshot.
/// </summary>
internal static class ConnectionJsonWriter
{
    public static void Write(Utf8JsonWriter writer, ConnectionInfo? connection)
    {
        if (connection is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        Text(writer, N.Protocol, connection.Protocol);
        Text(writer, N.State, connection.State);
        Text(writer, N.Local, connection.Local);
        Text(writer, N.Remote, connection.Remote);
        Text(writer, N.LocalAddress, connection.LocalAddress);
        Number(writer, N.LocalPort, connection.LocalPort);
        Text(writer, N.RemoteAddress, connection.RemoteAddress);
        Number(writer, N.RemotePort, connection.RemotePort);
        Number(writer, N.RecvQ, connection.RecvQ);
        Number(writer, N.SendQ, connection.SendQ);
        Flag(writer, N.RecvQAtLeast, connection.RecvQAtLeast);
        Flag(writer, N.SendQAtLeast, connection.SendQAtLeast);
        Flag(writer, N.Truncated, connection.Truncated);
        Number(writer, N.Cookie, connection.Cookie);
        Number(writer, N.Inode, connection.Inode);
        Number(writer, N.Uid, connection.Uid);
        Number(writer, N.Timer, connection.Timer);
        Text(writer, N.Congestion, connection.Congestion);
        if (connection.Info is { } info)
        {
            writer.WritePropertyName(N.Info);
            Write(writer, info);
        }
        if (connection.Memory is { } memory)
        {
            writer.WritePropertyName(N.Memory);
            Write(writer, memory);
        }
        Number(writer, N.DeltaBytesAcked, connection.DeltaBytesAcked);
        Number(writer, N.DeltaBytesReceived, connection.DeltaBytesReceived);
        writer.WritePropertyName(N.Processes);
        Write(writer, connection.Processes);
        Text(writer, N.Source, connection.Source);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, TcpInfo info)
    {
        writer.WriteStartObject();
        writer.WriteNumber(N.Length, info.Length);
        writer.WriteNumber(N.State, info.State);
        writer.WriteNumber(N.CaState, info.CaState);
        writer.WriteNumber(N.Retransmits, info.Retransmits);
        writer.WriteNumber(N.Probes, info.Probes);
        writer.WriteNumber(N.Backoff, info.Backoff);
        writer.WriteNumber(N.Options, info.Options);
        writer.WriteNumber(N.SndWscale, info.SndWscale);
        writer.WriteNumber(N.RcvWscale, info.RcvWscale);
        writer.WriteNumber(N.Rto, info.Rto);
        writer.WriteNumber(N.Ato, info.Ato);
        writer.WriteNumber(N.SndMss, info.SndMss);
        writer.WriteNumber(N.RcvMss, info.RcvMss);
        writer.WriteNumber(N.Unacked, info.Unacked);
        writer.WriteNumber(N.Sacked, info.Sacked);
        writer.WriteNumber(N.Lost, info.Lost);
        writer.WriteNumber(N.Retrans, info.Retrans);
        writer.WriteNumber(N.LastDataSentMs, info.LastDataSentMs);
        writer.WriteNumber(N.LastAckSentMs, info.LastAckSentMs);
        writer.WriteNumber(N.LastDataRecvMs, info.LastDataRecvMs);
        writer.WriteNumber(N.LastAckRecvMs, info.LastAckRecvMs);
        writer.WriteNumber(N.Pmtu, info.Pmtu);
        writer.WriteNumber(N.RcvSsthresh, info.RcvSsthresh);
        writer.WriteNumber(N.Rtt, info.Rtt);
        writer.WriteNumber(N.RttVar, info.RttVar);
        writer.WriteNumber(N.SndSsthresh, info.SndSsthresh);
        writer.WriteNumber(N.SndCwnd, info.SndCwnd);
        writer.WriteNumber(N.AdvMss, info.AdvMss);
        writer.WriteNumber(N.Reordering, info.Reordering);
        writer.WriteNumber(N.RcvRtt, info.RcvRtt);
        writer.WriteNumber(N.RcvSpace, info.RcvSpace);
        writer.WriteNumber(N.TotalRetrans, info.TotalRetrans);
        Number(writer, N.PacingRate, info.PacingRate);
        Number(writer, N.MaxPacingRate, info.MaxPacingRate);
        Number(writer, N.BytesAcked, info.BytesAcked);
        Number(writer, N.BytesReceived, info.BytesReceived);
        Number(writer, N.SegsOut, info.SegsOut);
        Number(writer, N.SegsIn, info.SegsIn);
        Number(writer, N.NotsentBytes, info.NotsentBytes);
        Number(writer, N.MinRtt, info.MinRtt);
        Number(writer, N.DataSegsIn, info.DataSegsIn);
        Number(writer, N.DataSegsOut, info.DataSegsOut);
        Number(writer, N.DeliveryRate, info.DeliveryRate);
        Number(writer, N.BusyTime, info.BusyTime);
        Number(writer, N.RwndLimited, info.RwndLimited);
        Number(writer, N.SndbufLimited, info.SndbufLimited);
        Number(writer, N.Delivered, info.Delivered);
        Number(writer, N.DeliveredCe, info.DeliveredCe);
        Number(writer, N.BytesSent, info.BytesSent);
        Number(writer, N.BytesRetrans, info.BytesRetrans);
        Number(writer, N.DsackDups, info.DsackDups);
        Number(writer, N.ReordSeen, info.ReordSeen);
        Number(writer, N.RcvOooPack, info.RcvOooPack);
        Number(writer, N.SndWnd, info.SndWnd);
        Number(writer, N.RcvWnd, info.RcvWnd);
        Number(writer, N.Rehash, info.Rehash);
        Number(writer, N.TotalRto, info.TotalRto);
        Number(writer, N.TotalRtoRecoveries, info.TotalRtoRecoveries);
        Number(writer, N.TotalRtoTimeMs, info.TotalRtoTimeMs);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, SocketMemory memory)
    {
        writer.WriteStartObject();
        writer.WriteNumber(N.RmemAlloc, memory.RmemAlloc);
        writer.WriteNumber(N.RcvBuf, memory.RcvBuf);
        writer.WriteNumber(N.WmemAlloc, memory.WmemAlloc);
        writer.WriteNumber(N.SndBuf, memory.SndBuf);
        writer.WriteNumber(N.FwdAlloc, memory.FwdAlloc);
        writer.WriteNumber(N.WmemQueued, memory.WmemQueued);
        writer.WriteNumber(N.OptMem, memory.OptMem);
        Number(writer, N.Backlog, memory.Backlog);
        Number(writer, N.Drops, memory.Drops);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ImmutableArray<ProcessRef> processes)
    {
        writer.WriteStartArray();
        foreach (var process in processes.IsDefault ? [] : processes)
        {
            writer.WriteStartObject();
            writer.WriteNumber(N.Pid, process.Pid);
            Text(writer, N.Name, process.Name);
            Number(writer, N.Fd, process.Fd);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static void Flag(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } v)
            writer.WriteBoolean(name, v);
    }

    /// <summary>Every signed or narrower number goes through long?, which prints the same digits.</summary>
    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, ulong? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
    }

    /// <summary>Property names, encoded once.</summary>
    private static class N
    {
        public static readonly JsonEncodedText AdvMss = JsonEncodedText.Encode("advMss");
        public static readonly JsonEncodedText Ato = JsonEncodedText.Encode("ato");
        public static readonly JsonEncodedText Backlog = JsonEncodedText.Encode("backlog");
        public static readonly JsonEncodedText Backoff = JsonEncodedText.Encode("backoff");
        public static readonly JsonEncodedText BusyTime = JsonEncodedText.Encode("busyTime");
        public static readonly JsonEncodedText BytesAcked = JsonEncodedText.Encode("bytesAcked");
        public static readonly JsonEncodedText BytesReceived = JsonEncodedText.Encode("bytesReceived");
        public static readonly JsonEncodedText BytesRetrans = JsonEncodedText.Encode("bytesRetrans");
        public static readonly JsonEncodedText BytesSent = JsonEncodedText.Encode("bytesSent");
        public static readonly JsonEncodedText CaState = JsonEncodedText.Encode("caState");
        public static readonly JsonEncodedText Congestion = JsonEncodedText.Encode("congestion");
        public static readonly JsonEncodedText Cookie = JsonEncodedText.Encode("cookie");
        public static readonly JsonEncodedText DataSegsIn = JsonEncodedText.Encode("dataSegsIn");
        public static readonly JsonEncodedText DataSegsOut = JsonEncodedText.Encode("dataSegsOut");
        public static readonly JsonEncodedText Delivered = JsonEncodedText.Encode("delivered");
        public static readonly JsonEncodedText DeliveredCe = JsonEncodedText.Encode("deliveredCe");
        public static readonly JsonEncodedText DeliveryRate = JsonEncodedText.Encode("deliveryRate");
        public static readonly JsonEncodedText DeltaBytesAcked = JsonEncodedText.Encode("deltaBytesAcked");
        public static readonly JsonEncodedText DeltaBytesReceived = JsonEncodedText.Encode("deltaBytesReceived");
        public static readonly JsonEncodedText Drops = JsonEncodedText.Encode("drops");
        public static readonly JsonEncodedText DsackDups = JsonEncodedText.Encode("dsackDups");
        public static readonly JsonEncodedText Fd = JsonEncodedText.Encode("fd");
        public static readonly JsonEncodedText FwdAlloc = JsonEncodedText.Encode("fwdAlloc");
        public static readonly JsonEncodedText Info = JsonEncodedText.Encode("info");
        public static readonly JsonEncodedText Inode = JsonEncodedText.Encode("inode");
        public static readonly JsonEncodedText LastAckRecvMs = JsonEncodedText.Encode("lastAckRecvMs");
        public static readonly JsonEncodedText LastAckSentMs = JsonEncodedText.Encode("lastAckSentMs");
        public static readonly JsonEncodedText LastDataRecvMs = JsonEncodedText.Encode("lastDataRecvMs");
        public static readonly JsonEncodedText LastDataSentMs = JsonEncodedText.Encode("lastDataSentMs");
        public static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
        public static readonly JsonEncodedText Local = JsonEncodedText.Encode("local");
        public static readonly JsonEncodedText LocalAddress = JsonEncodedText.Encode("localAddress");
        public static readonly JsonEncodedText LocalPort = JsonEncodedText.Encode("localPort");
        public static readonly JsonEncodedText Lost = JsonEncodedText.Encode("lost");
        public static readonly JsonEncodedText MaxPacingRate = JsonEncodedText.Encode("maxPacingRate");
        public static readonly JsonEncodedText Memory = JsonEncodedText.Encode("memory");
        public static readonly JsonEncodedText MinRtt = JsonEncodedText.Encode("minRtt");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText NotsentBytes = JsonEncodedText.Encode("notsentBytes");
        public static readonly JsonEncodedText OptMem = JsonEncodedText.Encode("optMem");
        public static readonly JsonEncodedText Options = JsonEncodedText.Encode("options");
        public static readonly JsonEncodedText PacingRate = JsonEncodedText.Encode("pacingRate");
        public static readonly JsonEncodedText Pid = JsonEncodedText.Encode("pid");
        public static readonly JsonEncodedText Pmtu = JsonEncodedText.Encode("pmtu");
        public static readonly JsonEncodedText Probes = JsonEncodedText.Encode("probes");
        public static readonly JsonEncodedText Processes = JsonEncodedText.Encode("processes");
        public static readonly JsonEncodedText Protocol = JsonEncodedText.Encode("protocol");
        public static readonly JsonEncodedText RcvBuf = JsonEncodedText.Encode("rcvBuf");
        public static readonly JsonEncodedText RcvMss = JsonEncodedText.Encode("rcvMss");
        public static readonly JsonEncodedText RcvOooPack = JsonEncodedText.Encode("rcvOooPack");
        public static readonly JsonEncodedText RcvRtt = JsonEncodedText.Encode("rcvRtt");
        public static readonly JsonEncodedText RcvSpace = JsonEncodedText.Encode("rcvSpace");
        public static readonly JsonEncodedText RcvSsthresh = JsonEncodedText.Encode("rcvSsthresh");
        public static readonly JsonEncodedText RcvWnd = JsonEncodedText.Encode("rcvWnd");
        public static readonly JsonEncodedText RcvWscale = JsonEncodedText.Encode("rcvWscale");
        public static readonly JsonEncodedText RecvQ = JsonEncodedText.Encode("recvQ");
        public static readonly JsonEncodedText RecvQAtLeast = JsonEncodedText.Encode("recvQAtLeast");
        public static readonly JsonEncodedText Rehash = JsonEncodedText.Encode("rehash");
        public static readonly JsonEncodedText Remote = JsonEncodedText.Encode("remote");
        public static readonly JsonEncodedText RemoteAddress = JsonEncodedText.Encode("remoteAddress");
        public static readonly JsonEncodedText RemotePort = JsonEncodedText.Encode("remotePort");
        public static readonly JsonEncodedText ReordSeen = JsonEncodedText.Encode("reordSeen");
        public static readonly JsonEncodedText Reordering = JsonEncodedText.Encode("reordering");
        public static readonly JsonEncodedText Retrans = JsonEncodedText.Encode("retrans");
        public static readonly JsonEncodedText Retransmits = JsonEncodedText.Encode("retransmits");
        public static readonly JsonEncodedText RmemAlloc = JsonEncodedText.Encode("rmemAlloc");
        public static readonly JsonEncodedText Rto = JsonEncodedText.Encode("rto");
        public static readonly JsonEncodedText Rtt = JsonEncodedText.Encode("rtt");
        public static readonly JsonEncodedText RttVar = JsonEncodedText.Encode("rttVar");
        public static readonly JsonEncodedText RwndLimited = JsonEncodedText.Encode("rwndLimited");
        public static readonly JsonEncodedText Sacked = JsonEncodedText.Encode("sacked");
        public static readonly JsonEncodedText SegsIn = JsonEncodedText.Encode("segsIn");
        public static readonly JsonEncodedText SegsOut = JsonEncodedText.Encode("segsOut");
        public static readonly JsonEncodedText SendQ = JsonEncodedText.Encode("sendQ");
        public static readonly JsonEncodedText SendQAtLeast = JsonEncodedText.Encode("sendQAtLeast");
        public static readonly JsonEncodedText SndBuf = JsonEncodedText.Encode("sndBuf");
        public static readonly JsonEncodedText SndCwnd = JsonEncodedText.Encode("sndCwnd");
        public static readonly JsonEncodedText SndMss = JsonEncodedText.Encode("sndMss");
        public static readonly JsonEncodedText SndSsthresh = JsonEncodedText.Encode("sndSsthresh");
        public static readonly JsonEncodedText SndWnd = JsonEncodedText.Encode("sndWnd");
        public static readonly JsonEncodedText SndWscale = JsonEncodedText.Encode("sndWscale");
        public static readonly JsonEncodedText SndbufLimited = JsonEncodedText.Encode("sndbufLimited");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
        public static readonly JsonEncodedText Timer = JsonEncodedText.Encode("timer");
        public static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
        public static readonly JsonEncodedText TotalRetrans = JsonEncodedText.Encode("totalRetrans");
        public static readonly JsonEncodedText TotalRto = JsonEncodedText.Encode("totalRto");
        public static readonly JsonEncodedText TotalRtoRecoveries = JsonEncodedText.Encode("totalRtoRecoveries");
        public static readonly JsonEncodedText TotalRtoTimeMs = JsonEncodedText.Encode("totalRtoTimeMs");
        public static readonly JsonEncodedText Uid = JsonEncodedText.Encode("uid");
        public static readonly JsonEncodedText Unacked = JsonEncodedText.Encode("unacked");
        public static readonly JsonEncodedText WmemAlloc = JsonEncodedText.Encode("wmemAlloc");
        public static readonly JsonEncodedText WmemQueued = JsonEncodedText.Encode("wmemQueued");
    }
}
