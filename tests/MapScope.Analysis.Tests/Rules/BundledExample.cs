using MapScope.Analysis.Framework;
using MapScope.TestSupport;

namespace MapScope.Analysis.Tests.Rules;

/// <summary>The bundled example module (examples/): its planted bugs are marked with `// BUG:` comments.</summary>
internal static class BundledExample
{
    public static string Dir => RepoPaths.Combine("examples");

    /// <summary>What the analyzer reports on the example, as "dir/file.go:line" (the example has no want comments).</summary>
    public static List<string> Findings(Analyzer analyzer) =>
        AnalysisTest.Analyze(analyzer, Dir).Diagnostics
            .Select(d => Path.GetRelativePath(Dir, d.File).Replace('\\', '/') + ":" + d.Line)
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>"dir/file.go:line" of the line of file holding a `// BUG:` comment that contains marker.</summary>
    public static string BugLine(string relativeFile, string marker)
    {
        var lines = File.ReadAllLines(Path.Combine(Dir, relativeFile));
        var index = Array.FindIndex(lines, l => l.Contains("// BUG:", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no BUG comment containing '{marker}' in {relativeFile}");
        return relativeFile + ":" + (index + 1);
    }
}
