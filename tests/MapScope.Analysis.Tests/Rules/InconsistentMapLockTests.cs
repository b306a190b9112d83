using MapScope.Analysis.Rules.InconsistentMapLock;

namespace MapScope.Analysis.Tests.Rules;

public sealed class InconsistentMapLockTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new InconsistentMapLockAnalyzer(), AnalysisTest.Testdata("InconsistentMapLock"));

    [SkippableFact]
    public void BundledExampleHasNoInconsistentLocking() =>
        Assert.Empty(BundledExample.Findings(new InconsistentMapLockAnalyzer()));
}
