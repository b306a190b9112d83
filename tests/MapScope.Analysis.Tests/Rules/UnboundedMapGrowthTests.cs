using MapScope.Analysis.Rules.UnboundedMapGrowth;

namespace MapScope.Analysis.Tests.Rules;

public sealed class UnboundedMapGrowthTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new UnboundedMapGrowthAnalyzer(), AnalysisTest.Testdata("UnboundedMapGrowth"));

    [SkippableFact]
    public void BundledExampleReportsOnlyTheQuoteCache() =>
        Assert.Equal([BundledExample.BugLine("cache/cache.go", "never deleted from")], BundledExample.Findings(new UnboundedMapGrowthAnalyzer()));
}
