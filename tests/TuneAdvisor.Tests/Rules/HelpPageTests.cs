using TuneAdvisor.Rules;

namespace TuneAdvisor.Tests.Rules;

/// <summary>Every built-in help page stays in step with its rule: same id and title, the sections a reader needs, every option documented with its default.</summary>
public sealed class HelpPageTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleSet.Load(builtIn: true, []).Rules)
            data.Add(rule.Id);
        return data;
    }

    private static RuleDescriptor Descriptor(string id) => RuleSet.Load(builtIn: true, []).Rules.Single(r => r.Id == id).Descriptor;

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_page_heads_with_the_rules_id_and_title(string id)
    {
        var d = Descriptor(id);
        Assert.Equal($"# {d.Id}: {d.Title}", d.HelpText!.Split('\n')[0].TrimEnd('\r'));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_page_says_what_it_checks_and_how_to_fix(string id)
    {
        var help = Descriptor(id).HelpText!;
        Assert.Contains("\n## What it checks", help);
        Assert.Contains("\n## How to fix", help);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_page_documents_every_option_with_its_default(string id)
    {
        var d = Descriptor(id);
        foreach (var option in d.Options)
            Assert.Contains($"| `{option.Name}` | {option.Default} |", d.HelpText!);
    }
}
