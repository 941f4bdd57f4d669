using System.Collections.Immutable;
using TuneAdvisor.Diagnostics;
using TuneAdvisor.IO;
using TuneAdvisor.Rules;
using TuneAdvisor.Yaml;

namespace TuneAdvisor.Policy;

/// <summary>
/// Loads a policy file and everything it extends into a <see cref="PolicyChain"/>. <c>extends:</c> names built-in
/// presets (a bare name: <c>golden-image</c>) and other files (a path with a slash or ending in .yaml, relative to
/// the extending file's folder). Merge order is depth-first: each extended layer, with what it extends before it, in
/// the order listed, then the file itself; a layer reached twice is used once, at its first place; a cycle is an error.
/// </summary>
public static class PolicyLoader
{
    /// <summary>How deep extends may nest: deep enough for any real hierarchy, shallow enough that a mistake is found fast.</summary>
    public const int MaxDepth = 16;

    /// <summary>Reads and checks the policy file at <paramref name="path"/>; null (with errors) when it cannot be used.</summary>
    public static PolicyChain? Load(string path, RuleSet rules, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(path);
        if (ReadFile(full, path, null, diagnostics) is not { } text)
            return null;
        return Parse(text, path, rules, diagnostics, full);
    }

    /// <summary>Checks policy text; extended files are looked up beside <paramref name="fullPath"/> (the working folder when null).</summary>
    public static PolicyChain? Parse(string text, string path, RuleSet rules, DiagnosticBag diagnostics, string? fullPath = null)
    {
        var local = new DiagnosticBag();
        var walk = new Walk(rules, local);
        walk.Visit(text, path, path, fullPath ?? Path.GetFullPath(path), isPreset: false, depth: 0);
        var chain = new PolicyChain(path, walk.Layers.ToImmutable());
        if (!local.HasErrors)
            CheckWaiverExpiry(chain, local);
        diagnostics.AddRange(local.ToImmutableSorted());
        return local.HasErrors ? null : chain;
    }

    /// <summary>A built-in preset on its own (what `rules presets` lists), with the presets it extends.</summary>
    public static PolicyChain? LoadPreset(string name, RuleSet rules, DiagnosticBag diagnostics)
    {
        if (PolicyPresets.Read(name) is not { } text)
            throw new ArgumentException($"no preset '{name}'", nameof(name));
        var local = new DiagnosticBag();
        var walk = new Walk(rules, local);
        walk.Visit(text, PolicyPresets.DisplayPath(name), PolicyPresets.Origin(name), "preset:" + name, isPreset: true, depth: 0);
        diagnostics.AddRange(local.ToImmutableSorted());
        return local.HasErrors ? null : new PolicyChain(null, walk.Layers.ToImmutable());
    }

    /// <summary>A waiver without expires is a warning (TA0304), or an error when the merged policy sets requireWaiverExpiry.</summary>
    private static void CheckWaiverExpiry(PolicyChain chain, DiagnosticBag diagnostics)
    {
        var require = chain.RequireWaiverExpiry;
        foreach (var waiver in chain.Layers.SelectMany(l => l.Waivers).Where(w => w.Expires is null))
        {
            if (require is { Value: true })
                diagnostics.Add(KnownDiagnostics.ConfigInvalid, waiver.Location,
                    $"a waiver of {waiver.RuleId} needs 'expires' (requireWaiverExpiry is on)" + (require.At?.Path == waiver.Location.Path ? "" : $"; {require.Origin} sets it"));
            else
                diagnostics.Add(KnownDiagnostics.WaiverWithoutExpiry, waiver.Location, waiver.RuleId);
        }
    }

    /// <summary>
    /// A policy file (or one it extends), through <see cref="BoundedFileReader"/>: a FIFO, a device or an oversized
    /// file is refused unread, with the file named; what the user named is wrong (exit 2).
    /// </summary>
    private static string? ReadFile(string full, string shown, SourceSpan? from, DiagnosticBag diagnostics)
    {
        var reader = new BoundedFileReader(FileReadLimits.Config);
        var status = reader.TryRead(full, out var text);
        if (status == ReadStatus.Ok)
            return text;
        diagnostics.Add(KnownDiagnostics.ConfigInvalid, from ?? SourceSpan.File(shown), reader.Describe(status, shown));
        return null;
    }

    private sealed class Walk(RuleSet rules, DiagnosticBag diagnostics)
    {
        public ImmutableArray<PolicyLayer>.Builder Layers { get; } = ImmutableArray.CreateBuilder<PolicyLayer>();
        private readonly HashSet<string> _done = new(StringComparer.Ordinal);
        private readonly List<string> _stack = [];

        public void Visit(string text, string shownPath, string origin, string key, bool isPreset, int depth)
        {
            if (IsBlank(text))
            {
                Layers.Add(new PolicyLayer { Origin = origin });
                _done.Add(key);
                return;
            }
            var root = YamlTreeReader.Read(text, shownPath, diagnostics);
            if (root is null && diagnostics.HasErrors)
                return;
            if (new PolicyLayerReader(text, shownPath, origin, rules, diagnostics).Read(root) is not { } layer)
                return;
            _stack.Add(key);
            foreach (var parent in layer.Extends)
                Extend(parent, key, isPreset, depth);
            _stack.RemoveAt(_stack.Count - 1);
            _done.Add(key);
            Layers.Add(layer);
        }

        private void Extend(Setting<string> parent, string fromKey, bool fromPreset, int depth)
        {
            var name = parent.Value;
            var at = parent.At ?? SourceSpan.File(fromKey);
            if (depth + 1 > MaxDepth)
            {
                diagnostics.Add(KnownDiagnostics.ConfigInvalid, at, $"extends nests deeper than {MaxDepth} levels at '{name}'");
                return;
            }
            bool isFile = name.Contains('/') || name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal);
            if (isFile && fromPreset)
            {
                diagnostics.Add(KnownDiagnostics.ConfigInvalid, at, $"a preset extends presets only, not '{name}'");
                return;
            }
            if (!isFile && !PolicyPresets.Names.Contains(name))
            {
                diagnostics.Add(KnownDiagnostics.ConfigInvalid, at,
                    $"no preset '{name}'{DidYouMean.Suggest(name, PolicyPresets.Names)} (presets: {string.Join(", ", PolicyPresets.Names)}; a file is written as ./{name}.yaml)");
                return;
            }
            var key = isFile ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromKey) ?? ".", name)) : "preset:" + name;
            if (_stack.Contains(key))
            {
                diagnostics.Add(KnownDiagnostics.ConfigInvalid, at, $"extends '{name}' makes a cycle: {string.Join(" -> ", _stack.Append(key))}");
                return;
            }
            if (_done.Contains(key))
                return;   // already merged at its first place
            if (isFile)
            {
                if (ReadFile(key, name, at, diagnostics) is { } text)
                    Visit(text, key, key, key, isPreset: false, depth + 1);
            }
            else
                Visit(PolicyPresets.Read(name)!, PolicyPresets.DisplayPath(name), PolicyPresets.Origin(name), key, isPreset: true, depth + 1);
        }

        private static bool IsBlank(string text) =>
            text.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#'));
    }
}
