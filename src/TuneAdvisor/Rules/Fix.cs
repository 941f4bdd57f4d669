using System.Collections.Immutable;

namespace TuneAdvisor.Rules;

/// <summary>
/// A rule's code fix rendered for one finding's subject (<see cref="RemediationTemplate.Render"/>): a summary, the
/// sysctls to set, commands to run and hints. The remediation bundle (namespace Remediation) is built from these.
/// </summary>
public sealed record Fix(string Summary, ImmutableArray<SysctlSetting> Sysctls, ImmutableArray<string> Commands, ImmutableArray<string> Hints);

/// <summary>One sysctl a fix sets: the dotted key and the value to write.</summary>
public sealed record SysctlSetting(string Key, string Value);
