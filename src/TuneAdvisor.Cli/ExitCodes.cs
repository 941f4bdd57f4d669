
namespace TuneAdvisor.Cli;

/// <summary>Every exit code the tool returns, in one place.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above --fail-on; rules compile; tests pass.</summary>
    public const int Success = 0;
    /// <summary>The gate failed: a counted finding (not waived; new, against --baseline) at or above --fail-on, a difference under diff --fail-on-change, or a failing rule test case.</summary>
    public const int Findings = 1;
    /// <summary>What the user wrote is wrong: arguments, the policy file, rule files, templates, a baseline file (missing, malformed or not writable); one line names what and where.</summary>
    public const int InvalidInput = 2;
    /// <summary>A data source is missing, unreadable, unrecognised or empty (a capture, a snapshot, an image root, a sosreport).</summary>
    public const int SourceUnavailable = 3;
    /// <summary>A bug in TuneAdvisor (an unexpected exception); please report it.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by SIGINT (Ctrl-C): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;
    /// <summary>Terminated by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>The table that `--help` and the README show, one line per code.</summary>
    public const string Table =
        "Exit codes: 0 pass; 1 the gate failed (findings at or above --fail-on, a difference with diff --fail-on-change, or a failing rule test); " +
        "2 what you wrote is wrong (arguments, policy, rules, templates, baseline file); 3 a data source is missing, unreadable, unrecognised or empty; " +
        "70 internal error (a bug); 130/143 interrupted by SIGINT/SIGTERM.";
}
