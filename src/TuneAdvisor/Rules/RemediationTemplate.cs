using System.Collections.Immutable;
using TuneAdvisor.Expressions.Runtime;

namespace TuneAdvisor.Rules;

/// <summary>A rule's code fix, compiled: each part may hold {expression} holes evaluated for the finding's subject.</summary>
public sealed record RemediationTemplate(
    MessageTemplate? Summary,
    ImmutableArray<(string Key, MessageTemplate Value)> Sysctls,
    ImmutableArray<MessageTemplate> Commands,
    ImmutableArray<MessageTemplate> Hints)
{
    public Fix Render(EvalContext context) => new(
        Summary?.Render(context) ?? "",
        Sysctls.Select(s => new SysctlSetting(s.Key, s.Value.Render(context))).ToImmutableArray(),
        Commands.Select(c => c.Render(context)).ToImmutableArray(),
        Hints.Select(h => h.Render(context)).ToImmutableArray());
}
