using MapScope.Semantics.Checking;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using MapScope.TestSupport;
using Xunit.Abstractions;
using Type = MapScope.Semantics.Types.Type;

namespace MapScope.Semantics.Tests.Checking;

/// <summary>
/// The type layer on hand-written packages (generics, embedding, aliases, method values, closures) and on
/// the bundled example module, compared with go/types; syntax newer than Go 1.19 is checked against
/// expectations written here.
/// </summary>
public sealed class HandWrittenPackagesTests(ITestOutputHelper output)
{
    private void AgreesWithGoTypes(string moduleDir)
    {
        GoToolchain.Require();
        var packages = GoTypesOracle.GoList(moduleDir, "./...", "std");
        var targets = packages.Values.Where(p => p.Dir.StartsWith(moduleDir, StringComparison.Ordinal)).Select(p => p.ImportPath).Order().ToList();
        Assert.NotEmpty(targets);
        var oracle = GoTypesOracle.Lines(targets.Select(t => packages[t]), moduleDir);
        var ours = GoTypesConformanceTests.OurLines(packages, targets);
        var (score, missing, extra, different) = GoTypesConformanceTests.Compare(oracle, ours);
        output.WriteLine(moduleDir + ": " + score);
        var detail = string.Join("\n", missing.Select(m => "missing " + m).Concat(extra.Select(e => "extra " + e)).Concat(different));
        Assert.True(missing.Count == 0 && extra.Count == 0 && different.Count == 0, score + "\n" + detail);
        Assert.True(score.Oracle >= 10, score.ToString());
    }

    [SkippableFact]
    public void GenericsEmbeddingAliasesMethodValuesClosuresAgreeWithGoTypes() =>
        AgreesWithGoTypes(Path.Combine(RepoPaths.Root, "tests", "MapScope.Semantics.Tests", "testdata", "typesmod"));

    [SkippableFact]
    public void BundledExampleAgreesWithGoTypes() => AgreesWithGoTypes(RepoPaths.Combine("examples"));

    private static Checker CheckSource(string source)
    {
        var parsed = GoParser.ParseFile("p.go", System.Text.Encoding.UTF8.GetBytes(source));
        Assert.False(parsed.HasErrors);
        var checker = new Checker("example.com/p", "", [parsed], new SourceImporter((_, _) => null));
        checker.CheckBodies();
        return checker;
    }

    private static Type TypeOfIdent(Checker c, string name, int occurrence = 0)
    {
        var idents = new List<Ident>();
        Inspector.Inspect(c.Files[0].File, n =>
        {
            if (n is Ident id && id.Name == name && c.Types.ContainsKey(id)) idents.Add(id);
            return true;
        });
        return c.Types[idents[occurrence]];
    }

    [Fact]
    public void RangeOverFuncAndIntBindTheYieldedTypes()
    {
        var c = CheckSource("""
            package p

            func All(m map[string]int) func(yield func(string, map[int]bool) bool) { return nil }

            func use(m map[string]int) {
            	for k, v := range All(m) {
            		_ = k
            		_ = v
            	}
            	for i := range 10 {
            		_ = i
            	}
            }
            """);
        Assert.Equal("string", TypeString.Of(TypeOfIdent(c, "k")));
        Assert.Equal("map[int]bool", TypeString.Of(TypeOfIdent(c, "v")));
        Assert.Equal("int", TypeString.Of(TypeOfIdent(c, "i")));
    }

    [Fact]
    public void GenericAliasInstantiatesToAMap()
    {
        var c = CheckSource("""
            package p

            type Set[K comparable] = map[K]struct{}

            func use() {
            	s := make(Set[string])
            	s["a"] = struct{}{}
            }
            """);
        Assert.True(MapExpressions.IsMap(TypeOfIdent(c, "s")));
    }

    [Fact]
    public void UnknownIsNeverAMap()
    {
        var c = CheckSource("""
            package p

            import "example.com/missing"

            func use() {
            	m := missing.Thing()
            	m["a"] = 1
            	x := undefined
            	_ = x
            }
            """);
        Assert.Empty(MapExpressions.Lines(c));
        Assert.IsType<UnknownType>(TypeOfIdent(c, "m"));
    }
}
