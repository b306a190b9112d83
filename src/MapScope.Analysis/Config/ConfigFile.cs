using MapScope.Analysis.Framework;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MapScope.Analysis.Config;

/// <summary>
/// Finds and reads .mapscope.yml:
/// <code>
/// rules:
///   nil-map-write: {enabled: true, severity: error}
///   unbounded-map-growth: {enabled: false}
/// exclude: ["vendor/**", "**/*_gen.go"]
/// concurrency:
///   entry-points: ["example.com/app/jobs.Process", "(*example.com/app/jobs.Worker).Handle"]
/// </code>
/// Unknown keys and bad values are errors (a typo must not silently turn a rule on or off).
/// </summary>
public static class ConfigFile
{
    /// <summary>The nearest .mapscope.yml in the directory or its parents, or null.</summary>
    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, LintConfig.FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Finds and loads the config for a working directory; the empty config when there is none.</summary>
    public static LintConfig Discover(string workingDirectory) =>
        Find(workingDirectory) is { } path ? Load(path) : LintConfig.Empty(Path.GetFullPath(workingDirectory));

    /// <summary>The largest .mapscope.yml read.</summary>
    public const long MaxConfigBytes = 1 << 20;

    /// <summary>Reads a config file; throws <see cref="ConfigException"/> (one line naming the file) when it is unusable.</summary>
    public static LintConfig Load(string path)
    {
        string text;
        try
        {
            // A config file is a few lines; a bound keeps a mistaken symlink to a device or a huge file from stalling lint.
            text = System.Text.Encoding.UTF8.GetString(MapScope.Syntax.Input.BoundedRead.File(path, MaxConfigBytes, null));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses config text; <paramref name="path"/> names the file in errors and sets the base directory of excludes.</summary>
    public static LintConfig Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{path}:{e.Start.Line}:{e.Start.Column}: invalid YAML: {YamlMessage(e)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet gives up on some malformed documents this way, without a position (both found by fuzzing:
            // a flow mapping broken across lines; stray control characters where a mapping key belongs).
            throw new ConfigException($"{path}: invalid YAML: the file is not a well-formed mapping (check brackets, braces and indentation)");
        }
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
            return LintConfig.Empty(baseDir) with { FilePath = path };
        if (stream.Documents.Count > 1) throw Error(path, stream.Documents[1].RootNode, "only one YAML document is allowed");

        var root = stream.Documents[0].RootNode as YamlMappingNode ?? throw Error(path, stream.Documents[0].RootNode, "expected a mapping with keys rules and exclude");
        Dictionary<string, RuleConfig> rules = new(StringComparer.Ordinal);
        List<string> exclude = [];
        var concurrency = ConcurrencyConfig.None;
        foreach (var (keyNode, value) in root.Children)
        {
            switch (Scalar(path, keyNode))
            {
                case "rules":
                    if (IsNull(value)) break;
                    var ruleMap = value as YamlMappingNode ?? throw Error(path, value, "rules: expected a mapping of rule id to settings");
                    foreach (var (idNode, settings) in ruleMap.Children)
                    {
                        var id = Scalar(path, idNode);
                        if (!rules.TryAdd(id, Rule(path, id, idNode, settings))) throw Error(path, idNode, $"rule {id} is configured twice");
                    }
                    break;
                case "exclude":
                    if (IsNull(value)) break;
                    var list = value as YamlSequenceNode ?? throw Error(path, value, "exclude: expected a list of path globs");
                    exclude.AddRange(list.Children.Select(n => Scalar(path, n)));
                    break;
                case "concurrency":
                    if (IsNull(value)) break;
                    concurrency = Concurrency(path, value);
                    break;
                default:
                    throw Error(path, keyNode, $"unknown key {Scalar(path, keyNode)} (expected rules, exclude or concurrency)");
            }
        }
        return new LintConfig(path, baseDir, rules, exclude) { Concurrency = concurrency };
    }

    private static RuleConfig Rule(string path, string id, YamlNode idNode, YamlNode settings)
    {
        bool? enabled = null;
        Severity? severity = null;
        if (!IsNull(settings))
        {
            var map = settings as YamlMappingNode ?? throw Error(path, settings, $"rules.{id}: expected a mapping with enabled and severity");
            foreach (var (key, value) in map.Children)
            {
                var name = Scalar(path, key);
                var v = Scalar(path, value);
                switch (name)
                {
                    case "enabled":
                        enabled = v switch
                        {
                            "true" or "True" or "TRUE" or "yes" or "on" => true,
                            "false" or "False" or "FALSE" or "no" or "off" => false,
                            _ => throw Error(path, value, $"rules.{id}.enabled: expected true or false, not {v}"),
                        };
                        break;
                    case "severity":
                        severity = SeverityNames.Parse(v) ?? throw Error(path, value, $"rules.{id}.severity: expected error, warning or info, not {v}");
                        break;
                    default:
                        throw Error(path, key, $"rules.{id}: unknown setting {name} (expected enabled or severity)");
                }
            }
        }
        return new RuleConfig(enabled, severity, (int)idNode.Start.Line, (int)idNode.Start.Column);
    }

    private static ConcurrencyConfig Concurrency(string path, YamlNode value)
    {
        var map = value as YamlMappingNode ?? throw Error(path, value, "concurrency: expected a mapping with entry-points");
        List<string> entries = [];
        foreach (var (key, v) in map.Children)
        {
            var name = Scalar(path, key);
            if (name != "entry-points") throw Error(path, key, $"concurrency: unknown setting {name} (expected entry-points)");
            if (IsNull(v)) continue;
            var list = v as YamlSequenceNode ?? throw Error(path, v, "concurrency.entry-points: expected a list of function names such as pkg.Func or (*pkg.Type).Method");
            foreach (var item in list.Children)
            {
                var e = Scalar(path, item).Trim();
                if (!EntryPointName.IsMatch(e)) throw Error(path, item, $"concurrency.entry-points: {e} is not a function name (expected pkg.Func, (pkg.Type).Method or (*pkg.Type).Method)");
                entries.Add(e);
            }
        }
        return new ConcurrencyConfig(entries);
    }

    // path.Func, (path.Type).Method, (*path.Type).Method: the import path may hold slashes, dots and dashes
    private static readonly System.Text.RegularExpressions.Regex EntryPointName = new(
        @"^(\(\*?[^\s()*]+\.[\p{L}_][\p{L}\p{N}_]*\)|[^\s()*]+)\.[\p{L}_][\p{L}\p{N}_]*$");

    private static bool IsNull(YamlNode n) => n is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted), Value: null or "" or "~" or "null" };

    private static string Scalar(string path, YamlNode n) =>
        n is YamlScalarNode { Value: { } v } ? v : throw Error(path, n, "expected a single value");

    private static ConfigException Error(string path, YamlNode at, string message) =>
        new($"{path}:{at.Start.Line}:{at.Start.Column}: {message}");

    /// <summary>YamlDotNet prefixes messages with "(Line: .., Col: .., Idx: ..) - (...): "; the position is already in ours.</summary>
    private static string YamlMessage(YamlException e)
    {
        var m = e.Message;
        int i = m.LastIndexOf("): ", StringComparison.Ordinal);
        if (m.StartsWith('(') && i >= 0) m = m[(i + 3)..];
        return string.Join(' ', m.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
