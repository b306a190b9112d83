using MapScope.Analysis.Rules.NilMapWrite;

namespace MapScope.Analysis.Tests.Rules;

public sealed class NilMapWriteTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new NilMapWriteAnalyzer(), AnalysisTest.Testdata("NilMapWrite"));

    [SkippableFact]
    public void BundledExampleReportsOnlyTheUninitializedNotesField() =>
        Assert.Equal([BundledExample.BugLine("cart/cart.go", "notes is never initialized")], BundledExample.Findings(new NilMapWriteAnalyzer()));
}
