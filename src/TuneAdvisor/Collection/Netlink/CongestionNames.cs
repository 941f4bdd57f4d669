using System.Text;

namespace TuneAdvisor.Collection.Netlink;

/// <summary>Interns congestion control names ("cubic", "bbr"): one string per algorithm, not one per socket.</summary>
public sealed class CongestionNames
{
    private string? _last;
    private byte[] _lastBytes = [];
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<byte> attribute)
    {
        int nul = attribute.IndexOf((byte)0);
        var name = nul >= 0 ? attribute[..nul] : attribute;
        if (_last is not null && name.SequenceEqual(_lastBytes))
            return _last;
        var text = Encoding.ASCII.GetString(name);
        if (!_known.TryGetValue(text, out var interned))
            _known[text] = interned = text;
        _last = interned;
        _lastBytes = name.ToArray();
        return interned;
    }
}
