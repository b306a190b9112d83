using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// Names of the package's functions that its package-level variable initializers (`var x = Register("x")`)
/// or its init functions call: registrars filled with a fixed set of keys at start-up, not per request.
/// </summary>
internal sealed class StartupCalls
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public StartupCalls(Pass pass)
    {
        foreach (var file in pass.Files)
            foreach (var decl in file.File.Decls)
            {
                switch (decl)
                {
                    case GenDecl gd:
                        foreach (var spec in gd.Specs.OfType<ValueSpec>())
                            foreach (var v in spec.Values ?? []) Collect(v);
                        break;
                    case FuncDecl { Recv: null, Name.Name: "init", Body: { } body }:
                        Collect(body);
                        break;
                }
            }
    }

    public bool Contains(string name) => _names.Contains(name);

    private void Collect(Node root) =>
        Inspector.Inspect(root, n =>
        {
            if (n is CallExpr { Fun: var f } && GoAst.Unparen(f) is Ident id) _names.Add(id.Name);
            return true;
        }, comments: false);
}
