using MapScope.Analysis.Rules.RangeInsert;

namespace MapScope.Analysis.Tests.Rules;

public sealed class RangeInsertTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new RangeInsertAnalyzer(), AnalysisTest.Testdata("RangeInsert"));

    [SkippableFact]
    public void BundledExampleHasNoFindings() => Assert.Empty(BundledExample.Findings(new RangeInsertAnalyzer()));
}
