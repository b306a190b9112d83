using MapScope.Syntax.Ast;
using static MapScope.Syntax.Tests.ParseHelpers;

namespace MapScope.Syntax.Tests;

/// <summary>
/// Syntax newer than the Go 1.19 corpus: generic aliases (1.24), range over int (1.22) and over functions
/// (1.23), min/max/clear builtins. Expected spans are derived from the source text, as go/ast defines them.
/// </summary>
public sealed class NewerSyntaxTests
{
    private const string Source = """
        package p

        type Set[K comparable] = map[K]struct{}

        type Pair[A, B any] = struct {
        	First  A
        	Second B
        }

        func Seq2(n int) func(yield func(int, string) bool) {
        	return func(yield func(int, string) bool) {
        		for i := range n {
        			if !yield(i, "x") {
        				return
        			}
        		}
        	}
        }

        func use() {
        	for k, v := range Seq2(3) {
        		_, _ = k, v
        	}
        	for range 10 {
        	}
        	m := Set[string]{}
        	clear(m)
        	_ = max(1, 2, 3)
        }
        """;

    [Fact]
    public void GenericAliasHasTypeParamsAndAssign()
    {
        var f = ParseOk(Source);
        var set = Single<TypeSpec>(f, t => t.Name.Name == "Set");
        Assert.Equal(At(Source, "Set["), set.Pos);
        Assert.Equal(At(Source, "struct{}") + "struct{}".Length, set.End);
        Assert.Equal(At(Source, "= map"), set.Assign);
        Assert.NotNull(set.TypeParams);
        Assert.Equal(At(Source, "[K comparable]"), set.TypeParams!.Pos);
        Assert.Equal(At(Source, "] = map") + 1, set.TypeParams.End);
        var map = Assert.IsType<MapType>(set.Type);
        Assert.Equal("K", Assert.IsType<Ident>(map.Key).Name);

        var pair = Single<TypeSpec>(f, t => t.Name.Name == "Pair");
        Assert.True(pair.Assign >= 0);
        var field = Assert.Single(pair.TypeParams!.List);
        Assert.Equal(["A", "B"], field.Names!.Select(n => n.Name));
        Assert.IsType<StructType>(pair.Type);
    }

    [Fact]
    public void RangeOverIntHasNoKeyAndAnIntOperand()
    {
        var f = ParseOk(Source);
        var ranges = Nodes(f).OfType<RangeStmt>().ToList();
        Assert.Equal(3, ranges.Count);

        var overN = ranges[0];
        Assert.Equal("i", Assert.IsType<Ident>(overN.Key).Name);
        Assert.Equal(Token.DEFINE, overN.Tok);
        Assert.Equal("n", Assert.IsType<Ident>(overN.X).Name);

        var overTen = ranges[2];
        Assert.Null(overTen.Key);
        Assert.Null(overTen.Value);
        Assert.Equal(Node.NoPos, overTen.TokPos);
        var ten = Assert.IsType<BasicLit>(overTen.X);
        Assert.Equal("10", ten.Value);
        Assert.Equal(At(Source, "for range 10"), overTen.Pos);
        Assert.Equal(At(Source, "10 {"), ten.Pos);
    }

    [Fact]
    public void RangeOverFuncBindsKeyAndValue()
    {
        var f = ParseOk(Source);
        var r = Nodes(f).OfType<RangeStmt>().ElementAt(1);
        Assert.Equal("k", ((Ident)r.Key!).Name);
        Assert.Equal("v", ((Ident)r.Value!).Name);
        var call = Assert.IsType<CallExpr>(r.X);
        Assert.Equal("Seq2", ((Ident)call.Fun).Name);
        Assert.Equal(At(Source, "Seq2(3)"), call.Pos);
        Assert.Equal(At(Source, "Seq2(3)") + "Seq2(3)".Length, call.End);
        Assert.Equal(At(Source, "}\n\tfor range") + 1, r.End);
    }

    [Fact]
    public void InstantiatedCompositeLiteralAndBuiltins()
    {
        var f = ParseOk(Source);
        var lit = Single<CompositeLit>(f);
        var idx = Assert.IsType<IndexExpr>(lit.Type);
        Assert.Equal("Set", ((Ident)idx.X).Name);
        Assert.Equal("string", ((Ident)idx.Index).Name);
        Assert.Equal(At(Source, "Set[string]{}") + "Set[string]{}".Length, lit.End);
        var calls = Nodes(f).OfType<CallExpr>().Select(c => (c.Fun as Ident)?.Name).ToList();
        Assert.Contains("clear", calls);
        Assert.Contains("max", calls);
    }

    [Theory]
    [InlineData("package p\nfunc F[T ~int | ~string](x T) T { return x }\n", 1)]
    [InlineData("package p\ntype A[P any] = P\n", 1)]
    [InlineData("package p\ntype T[P *C] struct{}\n", 0)] // ambiguous: go/parser reads an array of length P*C
    [InlineData("package p\ntype T[P *C,] struct{}\n", 1)]
    [InlineData("package p\ntype T [N * M]int\n", 0)]
    [InlineData("package p\ntype T[P interface{ ~int }, Q any] struct{}\n", 2)]
    public void TypeParameterListOrArrayType(string src, int typeParams)
    {
        var f = ParseOk(src);
        var fields = Nodes(f).OfType<FieldList>().Where(fl => fl.Opening >= 0 && src[fl.Opening] == '[').ToList();
        Assert.Equal(typeParams, fields.Sum(fl => fl.NumFields()));
        if (typeParams == 0) Assert.IsType<ArrayType>(Single<TypeSpec>(f).Type);
    }
}
