using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.Json;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Snapshots;

/// <summary>
/// The hand-written connection writer and the sliced array writer against the source-generated serializer, which
/// stays the reference: same bytes for every property, set or unknown, and for arrays of any length.
/// </summary>
public sealed class ConnectionJsonWriterTests
{
    private static string Generated(ConnectionInfo connection) =>
        JsonSerializer.Serialize(connection, SnapshotJsonContext.Default.ConnectionInfo);

    private static string Generated(ImmutableArray<ConnectionInfo> connections) =>
        JsonSerializer.Serialize(connections, SnapshotJsonContext.Default.ImmutableArrayConnectionInfo);

    private static string HandWritten(Action<Utf8JsonWriter> write, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, SkipValidation = true }))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ConnectionInfo Full => FullSnapshot.Create().Connections[0];

    private static ConnectionInfo Bare => new() { Protocol = "tcp", State = "TIME-WAIT", Local = "10.0.0.1:443", Remote = "10.0.0.2:5000" };

    [Fact]
    public void The_full_connection_sets_every_property_so_the_comparison_covers_them_all()
    {
        var full = Full;
        foreach (var (owner, value) in new (Type, object)[] { (typeof(ConnectionInfo), full), (typeof(TcpInfo), full.Info!), (typeof(SocketMemory), full.Memory!), (typeof(ProcessRef), full.Processes[0]) })
            foreach (var property in owner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
                Assert.True(property.GetValue(value) is not null, $"{owner.Name}.{property.Name} is unset in FullSnapshot; set it so the writer is checked for it");
    }

    [Fact]
    public void A_connection_with_every_property_is_written_as_the_generated_serializer_writes_it()
    {
        var json = HandWritten(w => ConnectionJsonWriter.Write(w, Full));
        Assert.Equal(Generated(Full), json);
        // Every public property is in the output (none forgotten by both).
        using var document = JsonDocument.Parse(json);
        Assert.Equal(typeof(ConnectionInfo).GetProperties().Count(p => p.Name != "EqualityContract"), document.RootElement.EnumerateObject().Count());
        Assert.Equal(typeof(TcpInfo).GetProperties().Count(p => p.Name != "EqualityContract"), document.RootElement.GetProperty("info").EnumerateObject().Count());
    }

    [Fact]
    public void Unknown_values_are_left_out_as_the_generated_serializer_leaves_them_out()
    {
        var partial = Full with
        {
            Info = Full.Info! with { PacingRate = null, TotalRto = null, SegsIn = null },
            Memory = Full.Memory! with { Drops = null },
            Processes = [new ProcessRef(7, "x")],
            LocalPort = null,
            DeltaBytesAcked = null,
        };
        Assert.Equal(Generated(Bare), HandWritten(w => ConnectionJsonWriter.Write(w, Bare)));
        Assert.Equal(Generated(partial), HandWritten(w => ConnectionJsonWriter.Write(w, partial)));
        Assert.DoesNotContain("pacingRate", HandWritten(w => ConnectionJsonWriter.Write(w, partial)));
    }

    [Fact]
    public void Strings_are_escaped_as_the_generated_serializer_escapes_them()
    {
        var odd = Bare with { Local = "[fe80::1%eth0]:22", Remote = "\"quoted\" <tag> & é\t", Processes = [new ProcessRef(1, "my \"proc\"\n", 3)] };
        Assert.Equal(Generated(odd), HandWritten(w => ConnectionJsonWriter.Write(w, odd)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ConnectionArrayConverter.SliceSize)]
    [InlineData(ConnectionArrayConverter.SliceSize * 3 + 17)]
    public void Slices_written_on_several_threads_join_into_the_generated_array(int count)
    {
        var connections = Enumerable.Range(0, count)
            .Select(i => i % 3 == 0 ? Bare with { Cookie = (ulong)i } : Full with { Cookie = (ulong)i, Remote = $"10.0.{i / 256}.{i % 256}:80" })
            .ToImmutableArray();
        var expected = Generated(connections);
        Assert.Equal(expected, HandWritten(w => ConnectionArrayConverter.WriteInSlices(w, connections, ahead: 3)));
        Assert.Equal(expected, HandWritten(w => ConnectionArrayConverter.WriteInPlace(w, connections)));
    }

    [Fact]
    public void Indented_output_is_written_in_place_and_matches_the_generated_layout()
    {
        var connections = ImmutableArray.Create(Full, Bare);
        var options = new JsonSerializerOptions(SnapshotJsonContext.Default.Options) { WriteIndented = true };
        var expected = JsonSerializer.Serialize(connections, options.GetTypeInfo(typeof(ImmutableArray<ConnectionInfo>)));
        Assert.Equal(expected, HandWritten(w => ConnectionArrayConverter.WriteInPlace(w, connections), indented: true));
    }
}
