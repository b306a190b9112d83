using MapScope.Analysis.Rules.UnhashableKey;

namespace MapScope.Analysis.Tests.Rules;

public sealed class UnhashableKeyTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new UnhashableKeyAnalyzer(), AnalysisTest.Testdata("UnhashableKey"));

    [SkippableFact]
    public void BundledExampleHasNoFindings() => Assert.Empty(BundledExample.Findings(new UnhashableKeyAnalyzer()));
}
