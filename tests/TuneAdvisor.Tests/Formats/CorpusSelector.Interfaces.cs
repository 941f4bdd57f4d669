using TuneAdvisor.Formats;
using TuneAdvisor.Formats.Commands;
using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Formats;

public static partial class CorpusSelector
{
    /// <summary>
    /// `netstat -i`: "interface_count" from the interfaces the parser stored, "iface[NAME].COLUMN" with the column as net-tools
    /// prints it (MTU Met RX-OK RX-ERR RX-DRP RX-OVR TX-OK TX-ERR TX-DRP TX-OVR Flg). Columns the model stores are read from
    /// the interface; Met, RX-OVR/TX-OVR's raw form and Flg from the parsed rows.
    /// </summary>
    private static string NetstatInterfaces(IInputParser parser, string text, string file, string selector, SampleBuilder sample)
    {
        parser.Parse(text, file, sample);
        if (selector == "interface_count")
            return Json(sample.Interfaces.Count);
        int open = selector.IndexOf('['), close = selector.LastIndexOf(']');
        if (selector[..open] != "iface")
            throw new InvalidOperationException("unknown netstat -i selector " + selector);
        var name = selector[(open + 1)..close];
        var column = selector[(close + 2)..];
        var i = sample.Interfaces.Single(x => x.Name == name);
        var rows = NetstatInterfaceTable.Parse([.. InputLine.Split(text)], file).Items;
        var row = rows.Single(r => r.Name == name);
        return column switch
        {
            "MTU" => Json(i.Mtu),
            "Met" => Json(row.Metric),
            "RX-OK" => Json(i.RxPackets),
            "RX-ERR" => Json(i.RxErrors),
            "RX-DRP" => Json(i.RxDropped),
            "RX-OVR" => Json(i.RxFifo),
            "TX-OK" => Json(i.TxPackets),
            "TX-ERR" => Json(i.TxErrors),
            "TX-DRP" => Json(i.TxDropped),
            "TX-OVR" => Json(i.TxFifo),
            "Flg" => Json(row.Flags),
            _ => throw new InvalidOperationException("unknown netstat -i column " + column),
        };
    }
}
