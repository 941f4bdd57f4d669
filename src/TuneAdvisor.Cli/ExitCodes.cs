namespace TuneAdvisor.Cli;

/// <summary>Every exit code the tool returns, in one place.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above --fail-on; rules compile; tests pass.</summary>
    public const int Success = 0;
    /// <summary>At least one counted finding at or above --fail-on (or a failing rule test case).</summary>
    public const int Findings = 1;
    /// <summary>A usage error, invalid rules, or unreadable/invalid input; one line names what was wrong.</summary>
    public const int InvalidInput = 2;
    /// <summary>A bug in TuneAdvisor (an unexpected exception); please report it.</summary>
    public const int InternalError = 70;
}
