using MapScope.Analysis.Framework;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>
/// Locals that a function creates itself (RacerD's ownership): <c>s := &amp;T{...}</c>, <c>s := T{}</c>,
/// <c>s := new(T)</c>, <c>var s T</c>. Until the function publishes them nobody else can see them, so
/// accesses through them are not races — the constructor filling a struct before anyone shares it.
/// </summary>
internal sealed class Ownership(Pass pass)
{
    private readonly Dictionary<FuncDecl, HashSet<Var>> _owned = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether v is a local created in the declaration (closures included) from a fresh value.</summary>
    public bool IsOwned(FuncDecl? decl, Var v)
    {
        if (decl?.Body == null || v.IsPackageLevel || v.IsField) return false;
        if (!_owned.TryGetValue(decl, out var set)) _owned[decl] = set = Collect(decl);
        return set.Contains(v);
    }

    private HashSet<Var> Collect(FuncDecl decl)
    {
        var set = new HashSet<Var>(ReferenceEqualityComparer.Instance);
        // a named result given a fresh value (func New() (idx *T) { idx = &T{...}; idx.add(x); return }) is the
        // constructor's own as much as a local is
        var results = new HashSet<Var>(ReferenceEqualityComparer.Instance);
        foreach (var f in decl.Type.Results?.List ?? [])
            foreach (var name in f.Names ?? [])
                if (pass.Checker.Defs.TryGetValue(name, out var ro) && ro is Var rv) results.Add(rv);
        Inspector.Inspect(decl.Body!, n =>
        {
            switch (n)
            {
                case AssignStmt { Tok: Token.ASSIGN } ra when results.Count > 0 && ra.Lhs.Count == ra.Rhs.Count:
                    for (int i = 0; i < ra.Lhs.Count; i++)
                        if (ra.Lhs[i] is Ident rid && IsFresh(ra.Rhs[i]) && GoAst.ObjectOf(pass, rid) is Var r && results.Contains(r)) set.Add(r);
                    break;
                case AssignStmt { Tok: Token.DEFINE } a when a.Lhs.Count == a.Rhs.Count:
                    for (int i = 0; i < a.Lhs.Count; i++)
                        if (a.Lhs[i] is Ident id && IsFresh(a.Rhs[i]) && pass.Checker.Defs.TryGetValue(id, out var o) && o is Var v) set.Add(v);
                    break;
                case ValueSpec vs:
                    for (int i = 0; i < vs.Names.Count; i++)
                    {
                        bool fresh = vs.Values is null ? vs.Type is not null && !IsReferenceType(vs.Names[i]) : i < vs.Values.Count && IsFresh(vs.Values[i]);
                        if (fresh && pass.Checker.Defs.TryGetValue(vs.Names[i], out var o) && o is Var v) set.Add(v);
                    }
                    break;
            }
            return true;
        }, comments: false);
        return set;
    }

    // var p *T is nil, not a fresh value; var s T (a struct) is.
    private bool IsReferenceType(Ident name) =>
        pass.Checker.Defs.TryGetValue(name, out var o) && o.Type.Underlying is not Struct;

    private static bool IsFresh(Expr e)
    {
        e = GoAst.Unparen(e);
        return e is CompositeLit
            || e is UnaryExpr { Op: Token.AND } u && GoAst.Unparen(u.X) is CompositeLit
            || e is CallExpr { Fun: Ident { Name: "new" }, Args.Count: 1 }
            // a constructor of this package: NewAccount(...) returns a value nobody else has seen yet
            || e is CallExpr { Fun: Ident { Name: var ctor } } && ctor.Length > 3 && (ctor.StartsWith("New", StringComparison.Ordinal) || ctor.StartsWith("new", StringComparison.Ordinal)) && char.IsUpper(ctor[3]);
    }
}
