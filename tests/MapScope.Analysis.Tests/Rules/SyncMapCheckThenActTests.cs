using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.SyncMapCheckThenAct;

namespace MapScope.Analysis.Tests.Rules;

public sealed class SyncMapCheckThenActTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new SyncMapCheckThenActAnalyzer(), AnalysisTest.Testdata("SyncMapCheckThenAct"));

    // A cache of a value computed from the key alone loses nothing when it races: info, not the rule's warning.
    [SkippableFact]
    public void KeyOnlyCacheIsInfo()
    {
        var findings = AnalysisTest.Run(new SyncMapCheckThenActAnalyzer(), AnalysisTest.Testdata("SyncMapCheckThenAct"));
        var idempotent = findings.Where(d => d.Message.Contains("computes a value from", StringComparison.Ordinal)).ToList();
        // Store(k, 1) in viaValueField and the compiled pattern; not the connection, the mutex or r.prefix + p
        Assert.Equal([36, 148], idempotent.Select(d => d.Line).Order());
        Assert.All(idempotent, d => Assert.Equal(Severity.Info, d.Severity));
        Assert.All(findings.Except(idempotent), d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [SkippableFact]
    public void BundledExampleHasNoFindings() => Assert.Empty(BundledExample.Findings(new SyncMapCheckThenActAnalyzer()));
}
