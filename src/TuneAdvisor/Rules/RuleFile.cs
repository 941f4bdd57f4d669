
namespace TuneAdvisor.Rules;

/// <summary>
/// One rule file from a source (the built-in set embedded in the binary, or a folder on disk), with a way to read
/// files beside it (its help page, its test cases).
/// </summary>
/// <param name="DisplayPath">The path diagnostics print: "rules/listen/TA1001-somaxconn-low.yaml" or the real path.</param>
public sealed record RuleFile(string DisplayPath, string Text, Func<string, (string Path, string Text)?> ReadSibling);
