using System.Text;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Suppressions;
using MapScope.Syntax;

namespace MapScope.Analysis.Tests.Lint;

public class IgnoreCommentsTests
{
    private const string Source = """
        package p

        func f(m map[int]int) {
        	//mapscope:ignore nil-map-write m is always made by the caller
        	m[1] = 1
        	m[2] = 2 //mapscope:ignore range-insert,nil-map-write keys are fixed
        	m[3] = 3
        	//mapscope:ignore all generated code
        	m[4] = 4
        	m[5] = 5 //mapscope:ignore nil-map-write
        	// mapscope:ignore nil-map-write a space after the slashes makes it prose
        	m[6] = 6
        	//mapscope:ignored nil-map-write not the directive
        	m[7] = 7
        	//mapscope:ignore
        }
        """;

    private static ParsedFile Parse() => GoParser.ParseFile("/m/p.go", Encoding.UTF8.GetBytes(Source));

    private static Diagnostic At(int line, string rule = "nil-map-write") => new(rule, Severity.Warning, "/m/p.go", line, 2, 0, 0, "x");

    [Fact]
    public void DirectivesAreReadWithIdsReasonAndPlacement()
    {
        var (directives, problems) = IgnoreComments.Read(Parse());
        Assert.Equal(
        [
            "4 [nil-map-write] 'm is always made by the caller' next=True",
            "6 [range-insert,nil-map-write] 'keys are fixed' next=False",
            "8 [all] 'generated code' next=True",
            "10 [nil-map-write] '' next=False",
        ], directives.Select(d => $"{d.Line} [{string.Join(',', d.RuleIds)}] '{d.Reason}' next={d.CoversNextLine}"));
        var problem = Assert.Single(problems);
        Assert.Equal(15, problem.Line);
        Assert.Contains("needs the rule ids", problem.Message);
    }

    [Theory]
    [InlineData(5, "nil-map-write", true)]   // directive alone on the line above
    [InlineData(5, "range-insert", false)]   // other rule
    [InlineData(6, "nil-map-write", true)]   // trailing directive, list of ids
    [InlineData(6, "range-insert", true)]
    [InlineData(7, "nil-map-write", false)]  // a trailing directive does not reach the next line
    [InlineData(9, "anything", true)]        // all
    [InlineData(10, "nil-map-write", true)]  // no reason: still suppresses (and is reported)
    [InlineData(12, "nil-map-write", false)] // "// mapscope:ignore" is a plain comment
    [InlineData(14, "nil-map-write", false)] // "//mapscope:ignored" is not the directive
    public void SuppressionCoversTheDirectivesLines(int line, string rule, bool suppressed)
    {
        var index = new SuppressionIndex();
        index.Add(Parse(), _ => true);
        Assert.Equal(suppressed, index.IsSuppressed(At(line, rule)));
    }

    [Fact]
    public void MissingReasonsAndUnknownRulesAreReported()
    {
        var index = new SuppressionIndex();
        index.Add(Parse(), id => id == "nil-map-write");
        var lines = index.Problems.Select(p => $"{p.Line}:{p.Column} {p.RuleId}: {p.Message}").ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("6:11 ignore-directive: //mapscope:ignore names unknown rule range-insert"));
        Assert.Contains(lines, l => l.StartsWith("10:11 ignore-directive: //mapscope:ignore nil-map-write has no reason"));
        Assert.Contains(lines, l => l.StartsWith("15:2 ignore-directive: //mapscope:ignore needs the rule ids"));
        // the findings about directives cannot themselves be ignored by "all"
        Assert.DoesNotContain(index.Problems, index.IsSuppressed);
    }
}
