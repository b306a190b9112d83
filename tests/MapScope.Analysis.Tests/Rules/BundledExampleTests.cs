using MapScope.Analysis.Rules;

namespace MapScope.Analysis.Tests.Rules;

/// <summary>All registered rules together on the bundled example: every planted bug once, nothing else.</summary>
public sealed class BundledExampleTests
{
    [SkippableFact]
    public void EveryPlantedBugIsReportedExactlyOnce()
    {
        // the planted bugs: statements followed by a `// BUG:` comment on the same line
        var planted = Directory.GetFiles(BundledExample.Dir, "*.go", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (f, text, i)))
            .Where(x => x.text.Contains("// BUG:", StringComparison.Ordinal) && !x.text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => Path.GetRelativePath(BundledExample.Dir, x.f).Replace('\\', '/') + ":" + (x.i + 1))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, planted.Count);
        var found = RuleSet.All.SelectMany(BundledExample.Findings).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(planted, found);
    }
}
