using MapScope.Analysis.Rules.InconsistentMapLock;

namespace MapScope.Analysis.Tests.Rules;

public sealed class InconsistentMapLockTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new InconsistentMapLockAnalyzer(), AnalysisTest.Testdata("InconsistentMapLock"));

    // The unguarded access names the guarded ones as related locations (SARIF relatedLocations, JSON related[]).
    [SkippableFact]
    public void FindingPointsAtTheGuardedAccesses()
    {
        var findings = AnalysisTest.Run(new InconsistentMapLockAnalyzer(), AnalysisTest.Testdata("InconsistentMapLock"));
        var conns = Assert.Single(findings, d => d.File.EndsWith("guarded.go", StringComparison.Ordinal) && d.Line == 39);
        Assert.Equal([27, 32], conns.Related.Select(r => r.Line).Order());
        Assert.All(conns.Related, r => Assert.Contains("with s.mu held", r.Message, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void BundledExampleHasNoInconsistentLocking() =>
        Assert.Empty(BundledExample.Findings(new InconsistentMapLockAnalyzer()));
}
