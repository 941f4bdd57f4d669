using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Snapshots;

/// <summary>The saved format: compact by default, unknowns left out and read back as unknown, version 1 files still load.</summary>
public class SnapshotJsonTests
{
    /// <summary>A snapshot whose nullable values are all unknown, with one socket of each kind.</summary>
    private static SystemSnapshot Unknowns() => new()
    {
        Source = new SnapshotSource("raw", "x", [], []),
        Host = new HostInfo(),
        Listeners = [new ListenerInfo { Protocol = "tcp", Local = "*:22" }],
        Connections = [new ConnectionInfo { Protocol = "tcp", State = "TIME-WAIT", Local = "10.0.0.1:443", Remote = "10.0.0.2:51000", Info = new TcpInfo { Length = 104 } }],
        Sysctls = new Dictionary<string, SysctlEntry> { ["net.core.somaxconn"] = new("4096", "x") }.ToImmutableSortedDictionary(StringComparer.Ordinal),
        Processes = [new ProcessInfo { Pid = 1, Name = "init" }],
        Softnet = [new SoftnetCpu { Cpu = 3 }],
    };

    private static SystemSnapshot Load(string json)
    {
        var bag = new DiagnosticBag();
        var snapshot = SnapshotJson.Deserialize(json, "saved.json", bag);
        Assert.Empty(bag.ToImmutableSorted());
        return Assert.IsType<SystemSnapshot>(snapshot);
    }

    private static List<string> Nulls(JsonElement e, string at, List<string>? found = null)
    {
        found ??= [];
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                found.Add(at);
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    Nulls(p.Value, $"{at}.{p.Name}", found);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray())
                    Nulls(item, $"{at}[{i++}]", found);
                break;
        }
        return found;
    }

    [Fact]
    public void The_default_is_one_compact_line_ending_in_a_newline()
    {
        var json = SnapshotJson.Serialize(FullSnapshot.Create());
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain('\n', json.TrimEnd('\n'));
        Assert.StartsWith("{\"schemaVersion\":2,\"source\":{\"kind\":\"live\"", json);
    }

    [Fact]
    public void Indented_output_is_the_same_document_laid_out_for_people()
    {
        var full = FullSnapshot.Create();
        var pretty = SnapshotJson.Serialize(full, indented: true);
        Assert.StartsWith("{\n  \"schemaVersion\": 2,\n  \"source\": {\n", pretty);
        Assert.Equal(SnapshotJson.Serialize(full), SnapshotJson.Serialize(Load(pretty)));
        Assert.True(pretty.Length > SnapshotJson.Serialize(full).Length * 3 / 2);
    }

    [Fact]
    public void Unknown_values_are_left_out_and_read_back_as_unknown()
    {
        var json = SnapshotJson.Serialize(Unknowns());
        using var doc = JsonDocument.Parse(json);
        Assert.Empty(Nulls(doc.RootElement, "$"));
        Assert.Empty(doc.RootElement.GetProperty("host").EnumerateObject());
        Assert.False(doc.RootElement.TryGetProperty("intervalSeconds", out _));
        Assert.False(doc.RootElement.TryGetProperty("deltas", out _));
        var connection = doc.RootElement.GetProperty("connections")[0];
        Assert.False(connection.TryGetProperty("recvQ", out _));
        Assert.False(connection.GetProperty("info").TryGetProperty("bytesAcked", out _));
        // Values that cannot be null are always written, zero included.
        Assert.Equal(0, connection.GetProperty("info").GetProperty("rtt").GetInt32());
        Assert.Equal(0, connection.GetProperty("processes").GetArrayLength());

        var loaded = Load(json);
        Assert.Null(loaded.Host.Kernel);
        Assert.Null(loaded.Host.CpuCount);
        Assert.Null(loaded.IntervalSeconds);
        Assert.Null(loaded.Deltas);
        var c = Assert.Single(loaded.Connections);
        Assert.Null(c.RecvQ);
        Assert.Null(c.Inode);
        Assert.Null(c.Memory);
        Assert.Null(c.Info!.BytesAcked);
        Assert.Null(Assert.Single(loaded.Listeners).SendQ);
        Assert.Null(loaded.Sysctls["net.core.somaxconn"].InitNetnsOnly);
        Assert.Null(Assert.Single(loaded.Processes).FdCount);
        var cpu = Assert.Single(loaded.Softnet);
        Assert.Equal(3, cpu.Cpu);
        Assert.Equal<long?[]>([null, null, null, null, null], [cpu.Processed, cpu.Dropped, cpu.TimeSqueeze, cpu.NetRx, cpu.NetTx]);
        Assert.Equal("{\"cpu\":3}", doc.RootElement.GetProperty("softnet")[0].GetRawText());
        Assert.Equal(json, SnapshotJson.Serialize(loaded));
    }

    [Fact]
    public void A_fully_populated_snapshot_round_trips_byte_for_byte()
    {
        var json = SnapshotJson.Serialize(FullSnapshot.Create());
        Assert.Equal(json, SnapshotJson.Serialize(Load(json)));
    }

    [Fact]
    public void A_version_1_file_with_every_property_still_loads()
    {
        var v1 = TestFiles.Read("Snapshots", "full-v1.json");
        Assert.Contains("\"schemaVersion\": 1,", v1);
        var loaded = Load(v1);
        Assert.Equal(1, loaded.SchemaVersion);
        // Written again, it is today's format with the same values; version 1 had no closed connections, no
        // counter sources, no lower-bound or cut-row flags on sockets and no softirq counts per CPU.
        Assert.Empty(loaded.ClosedConnections);
        Assert.Null(loaded.CounterSources);
        var full = FullSnapshot.Create();
        var today = full with
        {
            ClosedConnections = [],
            CounterSources = null,
            Listeners = [.. full.Listeners.Select(l => l with { RecvQAtLeast = null, SendQAtLeast = null, Truncated = null })],
            Connections = [.. full.Connections.Select(c => c with { RecvQAtLeast = null, SendQAtLeast = null, Truncated = null })],
            Softnet = [.. full.Softnet.Select(c => c with { NetRx = null, NetTx = null, Deltas = c.Deltas!.Remove("netRx").Remove("netTx") })],
        };
        Assert.Equal(SnapshotJson.Serialize(today), SnapshotJson.Serialize(loaded));
    }

    [Fact]
    public void A_version_1_file_with_explicit_nulls_loads_them_as_unknown()
    {
        var v1 = TestFiles.Read("Snapshots", "unknowns-v1.json");
        Assert.Contains("\"kernel\": null,", v1);
        var loaded = Load(v1);
        Assert.Null(loaded.Host.Kernel);
        Assert.Null(loaded.IntervalSeconds);
        var c = Assert.Single(loaded.Connections);
        Assert.Equal("TIME-WAIT", c.State);
        Assert.Null(c.RecvQ);
        Assert.Null(c.Info);
        using var doc = JsonDocument.Parse(SnapshotJson.Serialize(loaded));
        Assert.Equal(2, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Empty(Nulls(doc.RootElement, "$"));
    }

    [Fact]
    public void A_newer_version_is_refused_with_a_diagnostic()
    {
        var json = SnapshotJson.Serialize(Unknowns()).Replace("{\"schemaVersion\":2,", "{\"schemaVersion\":3,");
        var bag = new DiagnosticBag();
        Assert.Null(SnapshotJson.Deserialize(json, "future.json", bag));
        var d = Assert.Single(bag.ToImmutableSorted());
        Assert.Equal(KnownDiagnostics.SnapshotInvalid, d.Descriptor);
        Assert.Contains("schemaVersion 3 is newer", d.Message);
    }

    private static SystemSnapshot WithConnections(int count)
    {
        var template = FullSnapshot.Create().Connections[0];
        return FullSnapshot.Create() with
        {
            Connections = [.. Enumerable.Range(0, count).Select(i => template with { Cookie = (ulong)i, LocalPort = i, Remote = $"10.0.{i / 256}.{i % 256}:80" })],
        };
    }

    [Theory]
    [InlineData(3000, false)]
    [InlineData(3000, true)]
    [InlineData(20000, false)]
    public void Streaming_a_large_snapshot_writes_what_the_serializer_would(int connections, bool indented)
    {
        // Far more than one 64 KiB buffer, so records straddle the points where the stream is written.
        var snapshot = WithConnections(connections);
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot, stream, indented);
        var written = Encoding.UTF8.GetString(stream.ToArray());
        Assert.True(stream.Length > 10 * 65536);

        var expected = JsonSerializer.Serialize(snapshot, new JsonSerializerOptions(SnapshotJsonContext.Default.Options) { WriteIndented = indented }.GetTypeInfo(typeof(SystemSnapshot))) + "\n";
        Assert.Equal(expected, written);
        Assert.Equal(written, SnapshotJson.Serialize(snapshot, indented));
    }
}
