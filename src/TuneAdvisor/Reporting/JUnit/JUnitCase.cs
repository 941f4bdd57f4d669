
namespace TuneAdvisor.Reporting.JUnit;

/// <summary>One testcase: a (rule, subject) outcome. <see cref="Failure"/> or <see cref="Skipped"/> is set, or neither (passed).</summary>
public sealed record JUnitCase(string ClassName, string Name, string File, JUnitFailure? Failure, string? Skipped);

/// <summary>A failed testcase: the finding's message, its severity as the type, and the details in the body.</summary>
public sealed record JUnitFailure(string Message, string Type, string Body);
