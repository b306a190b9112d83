using MapScope.Analysis.Rules.SyncMapCheckThenAct;

namespace MapScope.Analysis.Tests.Rules;

public sealed class SyncMapCheckThenActTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new SyncMapCheckThenActAnalyzer(), AnalysisTest.Testdata("SyncMapCheckThenAct"));

    [SkippableFact]
    public void BundledExampleHasNoFindings() => Assert.Empty(BundledExample.Findings(new SyncMapCheckThenActAnalyzer()));
}
