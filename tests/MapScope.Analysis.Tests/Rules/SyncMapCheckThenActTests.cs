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
        var idempotent = findings.Where(d => d.Message.Contains("computes a value from", StringComparison.Ordinal)
                                             || d.Message.Contains("caches what is derived from the type", StringComparison.Ordinal)
                                             || d.Message.Contains("caches a computed value and returns it", StringComparison.Ordinal)).ToList();
        // Store(k, 1) in viaValueField, the compiled pattern and the per-type field cache; not the connection, the
        // mutexes (one keyed by a type) or r.prefix + p
        Assert.Equal([30, 36, 79, 148, 253], idempotent.Select(d => d.Line).Order()); // typecache.go:30, 79, syncmap.go:36, 148, 253
        Assert.All(idempotent, d => Assert.Equal(Severity.Info, d.Severity));
        Assert.All(findings.Except(idempotent), d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [SkippableFact]
    public void BundledExampleHasNoFindings() => Assert.Empty(BundledExample.Findings(new SyncMapCheckThenActAnalyzer()));
}
