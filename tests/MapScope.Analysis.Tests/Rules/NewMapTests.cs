using MapScope.Analysis.Rules.NewMap;

namespace MapScope.Analysis.Tests.Rules;

public sealed class NewMapTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new NewMapAnalyzer(), AnalysisTest.Testdata("NewMap"));

    [SkippableFact]
    public void FixReplacesTheCallWithAPointerToAnEmptyLiteral()
    {
        var diagnostics = AnalysisTest.Run(new NewMapAnalyzer(), AnalysisTest.Testdata("NewMap"));
        var first = diagnostics.OrderBy(d => d.Line).First();
        var source = File.ReadAllBytes(first.File);
        var edit = Assert.Single(Assert.Single(first.Fixes).Edits);
        Assert.Equal("new(map[string]int)", System.Text.Encoding.UTF8.GetString(source, edit.Start, edit.End - edit.Start));
        Assert.Equal("&map[string]int{}", edit.NewText);
        var named = diagnostics.Single(d => d.Message.StartsWith("new(Counts)", StringComparison.Ordinal));
        Assert.Equal("&Counts{}", Assert.Single(Assert.Single(named.Fixes).Edits).NewText);
    }

    [SkippableFact]
    public void BundledExampleHasNoFindings() => Assert.Empty(BundledExample.Findings(new NewMapAnalyzer()));
}
