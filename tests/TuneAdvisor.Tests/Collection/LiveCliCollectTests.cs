using System.Text.Json;
using Json.Schema;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Tests.Collection;

/// <summary>
/// `ip netns exec NS tuneadvisor collect --interval 1s -o FILE` in a namespace of our own, compared with what
/// `sysctl -a`, `nstat -azs` and `ip -s -s -j link` print there just before and just after.
/// </summary>
public sealed class LiveCliCollectTests : IDisposable
{
    private readonly Lazy<LiveNamespace> _live = new(() => new LiveNamespace());
    private readonly TempTree _out = new();

    public void Dispose()
    {
        if (_live.IsValueCreated)
            _live.Value.Dispose();
        _out.Dispose();
    }

    [LiveFact]
    public void Collect_in_the_namespace_agrees_with_sysctl_nstat_and_ip()
    {
        var live = _live.Value;
        var file = _out.PathOf("snapshot.json");
        var sysctls = live.SysctlA();
        var nstatBefore = live.Nstat();
        var linksBefore = IpLink(live);

        var run = live.Ns.Exec(RepoPaths.Cli, "collect", "--interval", "1s", "-o", file);

        var nstatAfter = live.Nstat();
        var linksAfter = IpLink(live);
        Assert.True(run.ExitCode == 0, $"collect exited {run.ExitCode}: {run.Stderr}");
        var json = File.ReadAllText(file);
        var bag = new DiagnosticBag();
        var snapshot = SnapshotJson.Deserialize(json, file, bag);
        Assert.NotNull(snapshot);
        Assert.Equal(0, bag.Count);

        Assert.False(snapshot.Host.IsInitialNetworkNamespace);
        Assert.InRange(snapshot.IntervalSeconds!.Value, 1.0, 30.0);
        Assert.NotNull(snapshot.Deltas);

        // Sysctls: every collected net.* key has sysctl's value; only the down veths' directories were left out.
        var collected = snapshot.Sysctls.Where(p => p.Key.StartsWith("net.", StringComparison.Ordinal)).ToList();
        Assert.All(collected, p => Assert.Equal(sysctls[p.Key], p.Value.Value));
        Assert.All(sysctls.Keys.Except(collected.Select(p => p.Key)), k => Assert.Contains(".ta-down", k));
        Assert.Equal("200000", snapshot.Sysctls["net.core.somaxconn"].Value);
        Assert.Equal("2", snapshot.Sysctls["net.ipv4.conf.ta-up0.rp_filter"].Value);
        Assert.DoesNotContain(collected, p => p.Value.InitNetnsOnly == true);

        // Counters: the last sample lies between nstat's two readings.
        foreach (var (name, before) in nstatBefore)
        {
            var key = snapshot.Counters.Keys.Single(k => k.Replace(".", "") == name);
            Assert.InRange(snapshot.Counters[key], before, nstatAfter[name]);
        }

        // Interfaces: the same, against ip's 64-bit statistics.
        Assert.Equal(linksBefore.Keys.Order(StringComparer.Ordinal), snapshot.Interfaces.Select(i => i.Name));
        foreach (var i in snapshot.Interfaces)
        {
            Assert.InRange(i.RxBytes!.Value, Stat(linksBefore[i.Name], "rx", "bytes"), Stat(linksAfter[i.Name], "rx", "bytes"));
            Assert.InRange(i.TxPackets!.Value, Stat(linksBefore[i.Name], "tx", "packets"), Stat(linksAfter[i.Name], "tx", "packets"));
            Assert.NotNull(i.Deltas);
        }
        Assert.Equal(10000L, snapshot.Interfaces.Single(i => i.Name == "ta-up0").SpeedMbps);
        Assert.Null(snapshot.Interfaces.Single(i => i.Name == "ta-down0").SpeedMbps);

        foreach (var capability in (SnapshotCapability[])[SnapshotCapability.Sysctls, SnapshotCapability.Counters, SnapshotCapability.Interfaces, SnapshotCapability.Softnet, SnapshotCapability.Rates])
            Assert.Contains(capability, snapshot.Source.Capabilities);
        Assert.Equal(1L, snapshot.Gauges["sockstat.TCP.tw"]);

        using var doc = JsonDocument.Parse(json);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "snapshot.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        Assert.True(schema.Evaluate(doc.RootElement).IsValid, "the collected snapshot does not match schemas/snapshot.schema.json");
    }

    private static Dictionary<string, JsonElement> IpLink(LiveNamespace live)
    {
        var json = live.Ns.Exec("ip", "-s", "-s", "-j", "link", "show").EnsureSuccess("ip link").Stdout;
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("ifname").GetString()!, e => e.Clone());
    }

    private static long Stat(JsonElement link, string direction, string name) =>
        link.GetProperty("stats64").GetProperty(direction).GetProperty(name).GetInt64();
}
