using System.CommandLine;
using TuneAdvisor.Drift;

namespace TuneAdvisor.Cli.Commands;

/// <summary>
/// <c>tuneadvisor diff BEFORE AFTER</c>: folds the command line into a <see cref="DiffRequest"/>, runs
/// <see cref="Advisor.DiffAsync"/>, and hands the result to <see cref="DiffOutput"/> for the output and the exit code.
/// </summary>
internal static class DiffCommand
{
    public const string VolatileValues =
        "counters, deltas and gauges; interface and softnet counters; connection counts per state; listener queue fill, drops, " +
        "uids and owning pids; processes; per-peer traffic; the boot id, uptime and namespace inode; the capture time and " +
        "window; the source's location and inputs; and sysctls that change by themselves (kernel.random.uuid, " +
        "kernel.random.boot_id, fs.file-nr, net.netfilter.nf_conntrack_count, the RSS and TCP Fast Open keys, …)";

    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var before = new Argument<string>("before") { Description = "The first saved snapshot, as 'tuneadvisor collect -o FILE' wrote it ('-' reads standard input)." };
        var after = new Argument<string>("after") { Description = "The second saved snapshot, compared with the first ('-' reads standard input; not both)." };
        var rules = new RuleOptions();
        var policy = new PolicyOptions(gate: false);
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", DiffWriterRegistry.Formats)} (JSON: schemas/diff.schema.json).",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. DiffWriterRegistry.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the diff to FILE instead of standard output.", HelpName = "FILE" };
        var failOnChange = new Option<bool>("--fail-on-change") { Description = "Exit 1 when anything differs (with --all, volatile values too)." };
        var all = new Option<bool>("--all") { Description = "Also compare volatile values, which differ between two readings of an untouched host: " + VolatileValues + "." };

        var command = new Command("diff",
            "Compare two saved snapshots: sysctls changed, added or removed; listeners that appeared, disappeared or changed their " +
            "backlog; findings new or fixed (both snapshots audited with the same rules and policy); and other host facts. " +
            "Volatile values are ignored unless --all.");
        command.Arguments.Add(before);
        command.Arguments.Add(after);
        rules.AddTo(command);
        policy.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOnChange);
        command.Options.Add(all);
        command.Validators.Add(result =>
        {
            if (result.GetValue(before) == "-" && result.GetValue(after) == "-")
                result.AddError("standard input ('-') can be only one of the two snapshots");
        });

        command.SetAction(async (parse, ct) =>
        {
            var request = new DiffRequest
            {
                Before = parse.GetValue(before)!,
                After = parse.GetValue(after)!,
                Audit = policy.ApplyTo(new AuditRequest { BuiltInRules = rules.BuiltIn(parse), RulePaths = rules.Paths(parse) }, parse),
                IncludeVolatile = parse.GetValue(all),
            };
            var target = new DiffOutput(DiffWriterRegistry.Find(parse.GetValue(format)!)!, parse.GetValue(output), parse.GetValue(failOnChange), stdout, stderr);
            return target.Deliver(await Advisor.DiffAsync(request, AuditEnvironment.Live(stdin), ct));
        });
        return command;
    }
}
