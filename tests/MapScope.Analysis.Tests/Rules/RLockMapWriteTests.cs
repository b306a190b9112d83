using MapScope.Analysis.Rules.RLockMapWrite;

namespace MapScope.Analysis.Tests.Rules;

public sealed class RLockMapWriteTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new RLockMapWriteAnalyzer(), AnalysisTest.Testdata("RLockMapWrite"));

    [SkippableFact]
    public void BundledExampleHasNoFindings() => Assert.Empty(BundledExample.Findings(new RLockMapWriteAnalyzer()));
}
