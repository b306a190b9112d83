using MapScope.Analysis.Rules.ConcurrentMapAccess;

namespace MapScope.Analysis.Tests.Rules;

public sealed class ConcurrentMapAccessTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new ConcurrentMapAccessAnalyzer(), AnalysisTest.Testdata("ConcurrentMapAccess"));

    [SkippableFact]
    public void BundledExampleReportsOnlyTheVisitsCounter() =>
        Assert.Equal([BundledExample.BugLine("server/server.go", "unsynchronized write")], BundledExample.Findings(new ConcurrentMapAccessAnalyzer()));
}
