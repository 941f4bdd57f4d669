
namespace TuneAdvisor.Remediation;

/// <summary>One finding asking for one sysctl value.</summary>
public sealed record SysctlRequest(string RuleId, string Title, string Subject, string Value);
