using Scriban.Runtime;

namespace TuneAdvisor.Reporting;

/// <summary>
/// Builders for the plain ScriptObjects and ScriptArrays that report models hand to templates (no reflection over
/// our types, so templates work under Native AOT); shared by the audit report and the diff.
/// </summary>
public static class ScriptValues
{
    public static ScriptObject Obj(params (string Key, object? Value)[] members)
    {
        var o = new ScriptObject();
        foreach (var (k, v) in members)
            o[k] = v;
        return o;
    }

    public static ScriptArray Arr(IEnumerable<object> items)
    {
        var a = new ScriptArray();
        foreach (var i in items)
            a.Add(i);
        return a;
    }
}
