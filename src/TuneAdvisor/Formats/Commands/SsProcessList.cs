using System.Collections.Immutable;
using System.Globalization;
using TuneAdvisor.Snapshots;

namespace TuneAdvisor.Formats.Commands;

/// <summary>
/// The processes of an ss row: users:(("nginx",pid=10,fd=6),("nginx",pid=11,fd=6)) (iproute2 ≥ 3.x) or
/// users:(("sshd",1026,4)) (older). Names are quoted and may hold spaces, commas or parentheses.
/// </summary>
public static class SsProcessList
{
    /// <returns>False when the list is malformed (for example cut off); <paramref name="processes"/> then holds the complete entries.</returns>
    public static bool TryParse(string token, out ImmutableArray<ProcessRef> processes)
    {
        var list = ImmutableArray.CreateBuilder<ProcessRef>();
        processes = [];
        const string prefix = "users:(";
        if (!token.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        int i = prefix.Length;
        bool ok = true;
        while (i < token.Length && token[i] == '(')
        {
            int nameStart = i + 1;
            if (nameStart >= token.Length || token[nameStart] != '"')
            {
                ok = false;
                break;
            }
            int nameEnd = token.IndexOf('"', nameStart + 1);
            int close = nameEnd < 0 ? -1 : token.IndexOf(')', nameEnd);
            if (close < 0)
            {
                ok = false;
                break;
            }
            var name = token[(nameStart + 1)..nameEnd];
            var fields = token[(nameEnd + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries);
            int? pid = null, fd = null;
            for (int f = 0; f < fields.Length; f++)
            {
                var field = fields[f].Trim();
                var value = field.StartsWith("pid=", StringComparison.Ordinal) ? field[4..]
                    : field.StartsWith("fd=", StringComparison.Ordinal) ? field[3..] : field;
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    continue;
                if (field.StartsWith("fd=", StringComparison.Ordinal) || (pid is not null && !field.StartsWith("pid=", StringComparison.Ordinal)))
                    fd ??= n;
                else
                    pid ??= n;
            }
            if (pid is null)
            {
                ok = false;
                break;
            }
            list.Add(new ProcessRef(pid.Value, name, fd));
            i = close + 1;
            if (i < token.Length && token[i] == ',')
                i++;
        }
        ok = ok && i < token.Length && token[i] == ')';
        processes = list.ToImmutable();
        return ok;
    }
}
