using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;
using MapScope.Reports.Lint;

namespace MapScope.Cli.Tests.Reliability;

/// <summary>Issue 13: a finding's line keeps what happens; the fix advice waits behind --verbose, indented below it.</summary>
public sealed class LintTextAdviceTests
{
    private const string Message = "assignment to entry in nil map: m is never initialized, so this write panics at run time — initialize it where it is declared, var m = make(map[string]int)";

    private static string Render(bool verbose)
    {
        var d = new Diagnostic("nil-map-write", Severity.Error, "a.go", 6, 2, 40, 44, Message);
        var w = new StringWriter();
        LintTextReport.Write(new LintResult([d], [], [], [], [], 1), w, verbose);
        return w.ToString();
    }

    [Fact]
    public void Default_OneShortLine()
    {
        Assert.Equal("a.go:6:2: assignment to entry in nil map: m is never initialized, so this write panics at run time (nil-map-write)\n", Render(false));
    }

    [Fact]
    public void Verbose_AdviceOnAnIndentedSecondLine()
    {
        Assert.Equal(
            "a.go:6:2: assignment to entry in nil map: m is never initialized, so this write panics at run time (nil-map-write)\n" +
            "    initialize it where it is declared, var m = make(map[string]int)\n", Render(true));
    }

    [Fact]
    public void MessageWithoutAdvice_StaysWhole() =>
        Assert.Equal(("write to map byID", null), LintTextReport.Split("write to map byID"));
}
