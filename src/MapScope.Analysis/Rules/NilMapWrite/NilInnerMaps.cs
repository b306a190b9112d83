using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// m[a][b] = v where m is a local map of maps made empty in this function (make or an empty literal) and
/// nothing in the function ever stores an inner map (no m[x] = ..., no other use of m than reads, len, range
/// and these nested writes, returning it): every m[a] is the nil zero value, so every nested write panics.
/// </summary>
internal static class NilInnerMaps
{
    public static void Check(Pass pass, FuncBody fn, HashSet<IndexExpr> reported)
    {
        var made = new Dictionary<Var, string>(ReferenceEqualityComparer.Instance);
        FuncBodies.InspectOwn(fn.Body, n =>
        {
            if (n is AssignStmt { Tok: Token.DEFINE } a && a.Lhs.Count == a.Rhs.Count)
                for (int i = 0; i < a.Lhs.Count; i++)
                    if (a.Lhs[i] is Ident id && pass.Checker.Defs.ContainsKey(id) && GoAst.ObjectOf(pass, id) is Var v
                        && v.Type.Underlying is Map { Elem: var elem } && elem is not UnknownType && elem.Underlying is Map && MadeEmpty(pass, a.Rhs[i]))
                        made[v] = TypeString.Of(elem);
            return true;
        });
        if (made.Count == 0) return;

        var parents = new Parents(fn.Body);
        var nested = new List<(IndexExpr Write, Var Outer, IndexExpr Inner)>();
        var writes = MapWrites.Under(pass, fn.Body, intoClosures: true);
        foreach (var w in writes)
            if (GoAst.Unparen(w.Map) is IndexExpr inner && GoAst.Unparen(inner.X) is Ident oid && GoAst.ObjectOf(pass, oid) is Var ov && made.ContainsKey(ov))
                nested.Add((w.Index, ov, inner));
        if (nested.Count == 0) return;

        // any use other than a read of an entry, len or range may store an inner map
        Inspector.Inspect(fn.Body, n =>
        {
            if (n is Ident id && pass.Checker.Uses.TryGetValue(id, out var o) && o is Var v && made.ContainsKey(v) && !Harmless(pass, id, parents))
                made.Remove(v);
            return true;
        }, comments: false);

        foreach (var (write, outer, inner) in nested)
        {
            if (!made.TryGetValue(outer, out var innerType) || reported.Contains(write)) continue;
            reported.Add(write);
            var file = fn.File;
            pass.Report(file, write,
                $"assignment to entry in nil map: {GoAst.Text(file, inner)} is the nil zero value because nothing in this function stores an inner map in {outer.Name}, so this write panics at run time — " +
                $"make the inner map first: if {GoAst.Text(file, inner)} == nil {{ {GoAst.Text(file, inner)} = make({innerType}) }}");
        }
    }

    private static bool MadeEmpty(Pass pass, Expr e)
    {
        e = GoAst.Unparen(e);
        return e is CompositeLit { Elts.Count: 0 } lit && pass.IsMap(lit)
               || e is CallExpr c && GoAst.IsBuiltinCall(pass, c, "make") && pass.IsMap(c);
    }

    private static bool Harmless(Pass pass, Ident use, Parents parents)
    {
        Expr self = use;
        while (parents.Of(self) is ParenExpr pe) self = pe;
        var parent = parents.Of(self);
        switch (parent)
        {
            case IndexExpr ix when ReferenceEquals(ix.X, self):
                // m[a] read, or m[a][b] = v; storing m[a] = ... (or &m[a]...) is not harmless
                Expr ixSelf = ix;
                while (parents.Of(ixSelf) is ParenExpr ipe) ixSelf = ipe;
                var up = parents.Of(ixSelf);
                if (up is AssignStmt a && a.Lhs.Any(l => ReferenceEquals(l, ixSelf))) return false;
                if (up is IncDecStmt) return false;
                if (up is RangeStmt r && (ReferenceEquals(r.Key, ixSelf) || ReferenceEquals(r.Value, ixSelf))) return false;
                return true;
            case RangeStmt r2 when ReferenceEquals(r2.X, self):
                return true;
            case CallExpr c when GoAst.IsBuiltinCall(pass, c, "len"):
                return true;
            case ReturnStmt:
                return true; // nothing of this call runs after it
            default:
                return false;
        }
    }
}
