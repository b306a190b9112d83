using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Config;

/// <summary>One rule's entry in .mapscope.yml; null fields keep the rule's defaults. Line/Column locate it for errors.</summary>
public sealed record RuleConfig(bool? Enabled, Severity? Severity, int Line, int Column);

/// <summary>
/// The <c>concurrency:</c> section: functions and methods that the program runs on many goroutines at once, in
/// addition to the ones rules recognise (HTTP handlers, gRPC methods, ...). Names as go/types prints them:
/// <c>example.com/app/jobs.Process</c>, <c>(*example.com/app/jobs.Worker).Handle</c>; the package may also be
/// given by its name (<c>jobs.Process</c>).
/// </summary>
public sealed record ConcurrencyConfig(IReadOnlyList<string> EntryPoints)
{
    public static readonly ConcurrencyConfig None = new([]);
}

/// <summary>
/// The contents of a .mapscope.yml: per-rule settings and excluded paths. Exclude globs are matched against
/// paths relative to <see cref="BaseDirectory"/> (the folder holding the file).
/// </summary>
public sealed record LintConfig(string? FilePath, string BaseDirectory, IReadOnlyDictionary<string, RuleConfig> Rules, IReadOnlyList<string> Exclude)
{
    public const string FileName = ".mapscope.yml";

    /// <summary>The concurrency section; empty when the file has none.</summary>
    public ConcurrencyConfig Concurrency { get; init; } = ConcurrencyConfig.None;

    /// <summary>No file: every rule at its defaults, nothing excluded.</summary>
    public static LintConfig Empty(string baseDirectory) => new(null, baseDirectory, new Dictionary<string, RuleConfig>(), []);

    private readonly IReadOnlyList<PathGlob> _globs = [.. Exclude.Select(g => new PathGlob(g))];

    /// <summary>Whether a file (absolute path) is under an excluded path.</summary>
    public bool IsExcluded(string file)
    {
        if (_globs.Count == 0) return false;
        var rel = Path.GetRelativePath(BaseDirectory, file).Replace('\\', '/');
        if (rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel)) return false;
        return _globs.Any(g => g.MatchesPathOrParent(rel));
    }
}
