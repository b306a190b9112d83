using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.NilMapWrite;
using MapScope.Semantics.Checking;
using MapScope.Syntax;

namespace MapScope.Analysis.Tests.Rules;

/// <summary>
/// nil-map-write on maps.Clone results. The Go 1.19 toolchain here has no package maps (Go 1.21), so the
/// package is checked with the import unresolved, as it would be against an older GOROOT.
/// </summary>
public sealed class NilMapWriteMapsCloneTests
{
    private static List<Diagnostic> Lint(string source)
    {
        var parsed = GoParser.ParseFile("p.go", System.Text.Encoding.UTF8.GetBytes(source));
        Assert.False(parsed.HasErrors);
        var checker = new Checker("example.com/p", "", [parsed], new SourceImporter((_, _) => null));
        checker.CheckBodies();
        var found = new List<Diagnostic>();
        var analyzer = new NilMapWriteAnalyzer();
        analyzer.Run(new Pass(analyzer, checker, analyzer.DefaultSeverity, found.Add, new FactStore()));
        return found;
    }

    [Fact]
    public void CloneOfAParameterMayBeNil()
    {
        var found = Lint("""
            package p

            import "maps"

            func With(labels map[string]string) map[string]string {
            	c := maps.Clone(labels)
            	c["env"] = "prod"
            	return c
            }
            """);
        var d = Assert.Single(found);
        Assert.Equal(7, d.Line);
        Assert.Contains("maps.Clone(labels) returns nil when the parameter labels is nil", d.Message);
    }

    [Fact]
    public void CloneOfAMadeMapOrACheckedParameterIsQuiet()
    {
        Assert.Empty(Lint("""
            package p

            import "maps"

            func Copy() map[string]int {
            	src := map[string]int{"a": 1}
            	c := maps.Clone(src)
            	c["b"] = 2
            	return c
            }

            func With(labels map[string]string) map[string]string {
            	c := maps.Clone(labels)
            	if c == nil {
            		c = map[string]string{}
            	}
            	c["env"] = "prod"
            	return c
            }
            """));
    }
}
