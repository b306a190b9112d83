using MapScope.Syntax.Ast;
using static MapScope.Syntax.Tests.ParseHelpers;

namespace MapScope.Syntax.Tests;

/// <summary>Comments are kept and grouped like go/parser, with doc and line comments attached.</summary>
public sealed class CommentTests
{
    private const string Source = """
        // Package p is documented.
        package p

        // cache holds quotes.
        // It only grows.
        var cache = map[string]int{} // mapscope:ignore unbounded-map-growth

        type S struct {
        	// m is a map.
        	m map[string]int // line comment
        }

        /* detached */

        func F() {}
        """;

    [Fact]
    public void DocAndLineCommentsAttach()
    {
        var f = ParseOk(Source);
        Assert.Equal("Package p is documented.", f.File.Doc!.Text());
        var decl = f.File.Decls.OfType<GenDecl>().First(d => d.Tok == Token.VAR);
        Assert.Equal("cache holds quotes.\nIt only grows.", decl.Doc!.Text());
        var spec = (ValueSpec)decl.Specs[0];
        Assert.Equal("mapscope:ignore unbounded-map-growth", spec.Comment!.Text());
        var field = Single<Field>(f, x => x.Names?[0].Name == "m");
        Assert.Equal("m is a map.", field.Doc!.Text());
        Assert.Equal("line comment", field.Comment!.Text());
        Assert.Null(f.File.Decls.OfType<FuncDecl>().Single().Doc); // a blank line separates the block comment
    }

    [Fact]
    public void AllCommentsAreListedInOrder()
    {
        var f = ParseOk(Source);
        var groups = f.File.Comments;
        Assert.Equal(6, groups.Count);
        Assert.True(groups.Zip(groups.Skip(1)).All(p => p.First.End <= p.Second.Pos));
        Assert.Equal(At(Source, "/* detached */"), groups[^1].Pos);
        Assert.Equal(At(Source, "/* detached */") + "/* detached */".Length, groups[^1].End);
    }
}
