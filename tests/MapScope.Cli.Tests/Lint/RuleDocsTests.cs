using MapScope.Analysis.Rules;
using MapScope.Reports.Lint;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests.Lint;

/// <summary>docs/rules/ is generated from the rules' metadata; this fails when the pages on disk are stale.</summary>
public class RuleDocsTests
{
    private const string Regenerate = "run `./mapscope rules --write-docs docs/rules` and commit docs/rules";

    [Fact]
    public void DocsRulesAreUpToDate()
    {
        var dir = RepoPaths.Combine("docs", "rules");
        var expected = RuleDocs.Generate(RuleSet.All.Select(RuleInfo.Of));
        foreach (var (name, text) in expected)
        {
            var path = Path.Combine(dir, name);
            Assert.True(File.Exists(path), $"docs/rules/{name} is missing: {Regenerate}");
            Assert.True(File.ReadAllText(path) == text, $"docs/rules/{name} is stale: {Regenerate}");
        }
        var stale = Directory.GetFiles(dir, "*.md")
            .Where(f => !expected.ContainsKey(Path.GetFileName(f)) && File.ReadLines(f).FirstOrDefault() == RuleDocs.Marker)
            .Select(Path.GetFileName).ToList();
        Assert.True(stale.Count == 0, $"docs/rules has pages of rules that no longer exist ({string.Join(", ", stale)}): {Regenerate}");
    }

    [Fact]
    public void EveryRuleHasDocumentationAndExamples()
    {
        foreach (var rule in RuleSet.All)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), $"{rule.Id}: no title");
            Assert.False(string.IsNullOrWhiteSpace(rule.Doc), $"{rule.Id}: no doc");
            Assert.False(string.IsNullOrWhiteSpace(rule.BadExample), $"{rule.Id}: no bad example");
            Assert.False(string.IsNullOrWhiteSpace(rule.GoodExample), $"{rule.Id}: no good example");
        }
        Assert.Equal(RuleSet.All.Count, RuleSet.All.Select(r => r.Id).Distinct().Count());
    }
}
