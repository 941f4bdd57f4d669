using System.CommandLine;
using TuneAdvisor.Diagnostics;

namespace TuneAdvisor.Cli.Commands;

/// <summary>
/// The options that choose the policy of a run, shared by audit, diff and policy show, so all read the same policy
/// the same way: the file (or discovery), host tags for its overrides, and what the command line puts on top
/// (--disable, --severity, and --fail-on where the command has that gate; diff's gate is a change, not a severity).
/// </summary>
/// <param name="gate">Whether the command takes --fail-on.</param>
internal sealed class PolicyOptions(bool gate = true)
{
    public Option<string?> File { get; } = new("--policy", "--config")
    {
        Description = "Read this policy file (YAML: extends, rulesVersion, failOn, disable, enable, severity, options, overrides, waivers). Without it, tuneadvisor.yaml in the current folder or its parents is read (up to the folder holding .git, $HOME or /). --fail-on, --disable and --severity apply on top of it.",
        HelpName = "FILE",
    };
    public Option<bool> NoPolicy { get; } = new("--no-policy") { Description = "Read no policy file, not even a tuneadvisor.yaml found in this folder or its parents." };
    public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag of this host for the policy's overrides (tags: [...]), e.g. prod (repeatable).", HelpName = "TAG" };
    public Option<string?> FailOn { get; } = new("--fail-on")
    {
        Description = "Exit 1 when a finding has at least this severity: error, warning, info, or none (never fail). Without it: the policy's failOn, else warning.",
    };
    public Option<string[]> Disable { get; } = new("--disable") { Description = "Do not run this rule id or category (repeatable).", HelpName = "ID" };
    public Option<string[]> Severity { get; } = new("--severity") { Description = "Override a severity: ID=level, CATEGORY=level or all=level; level none disables (repeatable).", HelpName = "ID=LEVEL" };

    public void AddTo(Command command)
    {
        if (gate)
        {
            FailOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
            command.Options.Add(FailOn);
        }
        command.Options.Add(Disable);
        command.Options.Add(Severity);
        command.Options.Add(File);
        command.Options.Add(NoPolicy);
        command.Options.Add(Tags);
        command.Validators.Add(result =>
        {
            if (result.GetValue(NoPolicy) && result.GetValue(File) is not null)
                result.AddError("--no-policy and --policy (--config) cannot be given together");
        });
    }

    /// <summary>The request with this command line's policy choices in it.</summary>
    public AuditRequest ApplyTo(AuditRequest request, ParseResult parse) => request with
    {
        PolicyFile = parse.GetValue(NoPolicy) ? null : parse.GetValue(File),
        DiscoverPolicy = !parse.GetValue(NoPolicy),
        Disable = [.. parse.GetValue(Disable) ?? []],
        SeverityOverrides = SeverityOverrides.Parse(parse.GetValue(Severity) ?? []),
        FailOn = gate && SeverityNames.TryParse(parse.GetValue(FailOn), out var level) ? level : null,
        Tags = [.. parse.GetValue(Tags) ?? []],
    };
}
