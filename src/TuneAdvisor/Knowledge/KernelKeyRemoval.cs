
namespace TuneAdvisor.Knowledge;

/// <summary>A sysctl key that a kernel version removed: setting it in configuration does nothing from then on.</summary>
public sealed record KernelKeyRemoval(string Key, KernelVersion RemovedIn, string Explanation);
