using MapScope.Semantics.Checking;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Semantics.Tests.Checking;

/// <summary>The Uses/Defs side tables: which variable each identifier declares or refers to.</summary>
public sealed class UsesDefsTests
{
    private const string Source = """
        package p

        var global = map[string]int{}

        func f(m map[string]int) (out map[string]int) {
        	m["a"] = 1
        	for k := range m {
        		m := map[string]int{}
        		m[k] = 2
        	}
        	x, err := 1, error(nil)
        	y, err := 2, err
        	global["b"] = x + y
        	out = m
        	_ = err
        	return
        }
        """;

    private static (Checker, List<Ident>) Check()
    {
        var parsed = GoParser.ParseFile("p.go", System.Text.Encoding.UTF8.GetBytes(Source));
        Assert.False(parsed.HasErrors);
        var checker = new Checker("example.com/p", "", [parsed], new SourceImporter((_, _) => null));
        checker.CheckBodies();
        var idents = new List<Ident>();
        Inspector.Inspect(parsed.File, n =>
        {
            if (n is Ident id) idents.Add(id);
            return true;
        });
        return (checker, idents);
    }

    [Fact]
    public void ShadowedVariableIsADifferentObject()
    {
        var (c, ids) = Check();
        var ms = ids.Where(i => i.Name == "m").ToList();
        // param decl, m["a"], range m, inner m :=, inner m[k], out = m
        Assert.Equal(6, ms.Count);
        var param = c.Defs[ms[0]];
        Assert.Same(param, c.Uses[ms[1]]);
        Assert.Same(param, c.Uses[ms[2]]);
        var inner = c.Defs[ms[3]];
        Assert.NotSame(param, inner);
        Assert.Same(inner, c.Uses[ms[4]]);
        Assert.Same(param, c.Uses[ms[5]]);
    }

    [Fact]
    public void RedeclarationInShortVarDeclIsAUseAndPackageVarsResolve()
    {
        var (c, ids) = Check();
        var errs = ids.Where(i => i.Name == "err").ToList();
        var decl = c.Defs[errs[0]];
        Assert.False(c.Defs.ContainsKey(errs[1]));
        Assert.Same(decl, c.Uses[errs[1]]);
        Assert.Same(decl, c.Uses[errs[2]]);
        var globals = ids.Where(i => i.Name == "global").ToList();
        var g = Assert.IsType<Var>(c.Defs[globals[0]]);
        Assert.True(g.IsPackageLevel);
        Assert.Same(g, c.Uses[globals[1]]);
        var outs = ids.Where(i => i.Name == "out").ToList();
        Assert.Same(c.Defs[outs[0]], c.Uses[outs[1]]);
    }
}
