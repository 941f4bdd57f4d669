
namespace TuneAdvisor.Tests.Support;

/// <summary>
/// A test that needs root and network namespaces (`ip netns add`). It is skipped, with the reason, when not root;
/// under CI=true it is never skipped: if the machine cannot run it, it fails, so CI cannot pass without it.
/// </summary>
public sealed class LiveFactAttribute : FactAttribute
{
    public LiveFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            return;
        if (!Netns.CanCreate(out var why))
            Skip = $"live test needs root and `ip netns`: {why}";
    }
}
