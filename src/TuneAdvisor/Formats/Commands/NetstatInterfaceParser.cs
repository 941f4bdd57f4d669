using TuneAdvisor.Sampling;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// `netstat -i` / `netstat -ia` / `ifconfig -s` (see <see cref="NetstatInterfaceTable"/>) into interfaces: RX-OK and TX-OK
/// are packets, RX-DRP is /proc/net/dev's drop (net-tools reads that file), RX-OVR and TX-OVR its fifo columns. Bytes,
/// frame, carrier and the other /proc/net/dev columns are not in this table and stay unknown; the metric and the flag
/// letters have no place in the model (the rows keep them).
/// </summary>
public sealed class NetstatInterfaceParser : IInputParser
{
    public string Kind => "netstat -i";

    public int Confidence(string text)
    {
        int rows = 0, header = 0, other = 0;
        bool cutRow = false;
        foreach (var line in InputLine.Split(text).Take(200))
        {
            if (line.Text.Trim().Length == 0 || CommandEcho.IsEcho(line.Text))
                continue;
            if (NetstatInterfaceTable.TryRow(line.Text, line.Number, out _, out _))
                rows++;
            else if (NetstatInterfaceTable.IsHeader(line.Text))
                header++;
            else if (!line.IsUnterminatedLast)
                other++;
            else
                cutRow = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } w && w[1].All(char.IsAsciiDigit);
        }
        // A header over one row cut short (a paste that stops inside the first row) is this table too.
        if (rows == 0 && header == 1 && cutRow)
            return 95;
        // The title line ("Kernel Interface table", translated) is the one other line allowed besides stray ones.
        if (rows == 0 || other > 1 + rows / 10)
            return 0;
        return header == 1 ? 95 : rows >= 2 && other == 0 ? 70 : 0;
    }

    public void Parse(string text, string path, SampleBuilder sample)
    {
        var lines = InputLine.Split(text).ToList();
        var parsed = NetstatInterfaceTable.Parse(lines, path);
        var rowLines = parsed.Items.Select(r => r.Line).ToHashSet();
        bool headerSeen = false, titleAllowed = true;
        foreach (var line in lines)
        {
            if (line.Text.Trim().Length == 0)
                continue;
            if (CommandEcho.IsEcho(line.Text))
                CommandEcho.Note(sample, path, line);
            else if (NetstatInterfaceTable.IsHeader(line.Text))
            {
                headerSeen = true;
                titleAllowed = false;
            }
            else if (!rowLines.Contains(line.Number) && !NetstatInterfaceTable.TryRow(line.Text, line.Number, out _, out _))
            {
                if (titleAllowed && !headerSeen)
                    InputNotes.Info(sample, path, line.Number, $"'{line.Text.Trim()}' is read as the table's title");
                else
                    InputNotes.Skipped(sample, path, line, "not a row of `netstat -i`");
                titleAllowed = false;
            }
        }
        foreach (var d in parsed.Diagnostics)
            sample.Note(d);
        foreach (var row in parsed.Items)
        {
            sample.Interfaces.RemoveAll(x => x.Name == row.Name);
            sample.Interfaces.Add(new InterfaceInfo
            {
                Name = row.Name,
                Mtu = row.Mtu,
                RxPackets = row.RxOk, RxErrors = row.RxErr, RxDropped = row.RxDrp, RxFifo = row.RxOvr,
                TxPackets = row.TxOk, TxErrors = row.TxErr, TxDropped = row.TxDrp, TxFifo = row.TxOvr,
                Source = $"{path}:{row.Line}",
            });
        }
        if (parsed.Items.Length > 0)
            sample.Capabilities.Add(SnapshotCapability.Interfaces);
    }
}
