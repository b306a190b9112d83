using MapScope.Analysis.Tests.Harness;

namespace MapScope.Analysis.Tests;

/// <summary>The analysistest harness itself: expectations are read, matched, and every kind of mismatch is reported.</summary>
public class HarnessTests
{
    /// <summary>
    /// A module with two packages, std imports (sync, net/http), a cross-package map, a named map type from
    /// std (http.Header), raw and interpreted regexps, two wants on one line and a block-comment want.
    /// </summary>
    [SkippableFact]
    public void TestdataWithStdImportsPasses()
    {
        var diagnostics = AnalysisTest.Run(new MapWriteAnalyzer(), Path.Combine(TestSupport.RepoPaths.Root, "tests", "MapScope.Analysis.Tests", "Harness", "testdata"));
        // 6 wants in the files; slices, arrays and map reads in cache.NotMaps report nothing.
        Assert.Equal(6, diagnostics.Count);
        var messages = diagnostics.Select(d => $"{Path.GetFileName(d.File)}:{d.Line}:{d.Column}: {d.Message}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "app.go:10:2: write to map cache.Entries",
            "app.go:12:2: write to map h",
            "app.go:14:2: write to map a",
            "app.go:14:8: write to map b",
            "app.go:16:2: write to map l",
            "cache.go:15:2: write to map Entries",
        ], messages);
    }

    [Fact]
    public void EveryKindOfMismatchIsListedWithFileAndLine()
    {
        using var module = new TempModule(new()
        {
            ["p/p.go"] = """
                package p

                var m = map[int]int{}

                func f() {
                    m[1] = 1 // want "write to map m"
                    m[2] = 2 // want "delete from map m"
                    m[3] = 3
                    _ = m[4] // want "write to map m"
                    m[5], m[6] = 5, 6 // want "write to map m"
                }
                """,
        });
        var result = AnalysisTest.Analyze(new MapWriteAnalyzer(), module.Dir);
        Assert.Equal(
        [
            "p/p.go:7: no diagnostic matching `delete from map m` (reported on this line: \"write to map m\")",
            "p/p.go:7: unexpected diagnostic: write to map m (test-map-write)",
            "p/p.go:8: unexpected diagnostic: write to map m (test-map-write)",
            "p/p.go:9: no diagnostic matching `write to map m` (none was reported on this line)",
            "p/p.go:10: unexpected diagnostic: write to map m (test-map-write)",
        ], result.Problems);
    }

    [Fact]
    public void RunFailsNamingTheFileAndLine()
    {
        using var module = new TempModule(new()
        {
            ["a.go"] = "package a\n\nfunc f(m map[string]int) {\n\tm[\"k\"] = 1\n}\n",
        });
        var e = Assert.ThrowsAny<Exception>(() => AnalysisTest.Run(new MapWriteAnalyzer(), module.Dir));
        Assert.Contains("a.go:4: unexpected diagnostic: write to map m (test-map-write)", e.Message);
    }

    [Fact]
    public void MalformedWantCommentsAndSyntaxErrorsAreProblems()
    {
        using var module = new TempModule(new()
        {
            ["a.go"] = "package a\n\nfunc f(m map[string]int) {\n\tm[\"k\"] = 1 // want write to map\n\tm[\"j\"] = 1 // want \"(unclosed\"\n}\n\nfunc g( {\n}\n",
        });
        var problems = AnalysisTest.Analyze(new MapWriteAnalyzer(), module.Dir).Problems;
        Assert.Contains(problems, p => p.StartsWith("a.go:4: malformed want comment: expected a quoted regexp"));
        Assert.Contains(problems, p => p.StartsWith("a.go:5: bad regexp in want comment `(unclosed`"));
        Assert.Contains(problems, p => p.StartsWith("a.go:8: syntax error"));
    }

    [Theory]
    [InlineData(" \"a\"", new[] { "a" })]
    [InlineData(" \"a b\" `c\\d`", new[] { "a b", "c\\d" })]
    [InlineData(" \"x\\\"y\\t\"", new[] { "x\"y\t" })]
    [InlineData("\"\\x41\\u00e9\"", new[] { "Aé" })]
    public void LiteralsAreDecodedLikeGo(string text, string[] expected)
    {
        var (values, error) = WantComments.Literals(text);
        Assert.Null(error);
        Assert.Equal(expected, values);
    }

    [Theory]
    [InlineData(" ", "no quoted regexp")]
    [InlineData(" \"open", "unterminated")]
    [InlineData(" `a` b", "expected a quoted regexp at `b`")]
    [InlineData(" \"\\q\"", "invalid Go string literal")]
    public void BadLiteralsAreErrors(string text, string error)
    {
        Assert.Contains(error, WantComments.Literals(text).Error);
    }
}
