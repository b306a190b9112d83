using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// An insert keyed by the call's own connection or request, a call into code the package does not know
/// (an interface method or a function value: a user handler), then the matching delete as a plain
/// statement of the same block: when the unknown code panics (and net/http recovers handler panics), the
/// delete never runs and the entry stays forever. The delete belongs in a defer.
/// </summary>
internal static class DeleteNotDeferred
{
    public static void Check(Pass pass)
    {
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            FreshKeys? keys = null;
            foreach (var w in MapWrites.Under(pass, fn.Body))
            {
                if (w.Stmt is not AssignStmt) continue;
                keys ??= new FreshKeys(pass, fn.Type, fn.Body);
                if (keys.Why(w.Key) == null) continue;
                var block = BlockOf(fn.Body, w.Stmt);
                if (block == null) continue;
                int at = block.List.FindIndex(s => s.Pos <= w.Stmt.Pos && w.Stmt.End <= s.End);
                CallExpr? unknown = null;
                for (int i = at + 1; i < block.List.Count; i++)
                {
                    var s = block.List[i];
                    if (s is ExprStmt { X: CallExpr del } && GoAst.IsBuiltinCall(pass, del, "delete") && del.Args.Count == 2
                        && GoAst.SameVariable(pass, del.Args[0], w.Map) && SameKey(pass, fn.File, del.Args[1], w.Key))
                    {
                        if (unknown != null)
                        {
                            var file = fn.File;
                            pass.Report(file, w.Index,
                                $"{GoAst.Text(file, w.Map)} gets an entry per {GoAst.Text(file, w.Key)} that the delete at line {file.Lines.Position(del.Pos).Line} removes only if {GoAst.Text(file, unknown.Fun)} returns normally: " +
                                $"a panic there (net/http recovers handler panics) skips the delete and the entry stays forever — defer the delete right after the insert");
                        }
                        break;
                    }
                    if (s is ReturnStmt or BranchStmt) break;
                    unknown ??= DynamicCall(pass, s);
                }
            }
        }
    }

    private static bool SameKey(Pass pass, ParsedFile file, Expr a, Expr b) =>
        GoAst.SameVariable(pass, a, b) || GoAst.Text(file, a) == GoAst.Text(file, b);

    /// <summary>The block whose own statement list holds (or contains) stmt, without crossing a function literal.</summary>
    private static BlockStmt? BlockOf(BlockStmt body, Stmt stmt)
    {
        BlockStmt? found = null;
        FuncBodies.InspectOwn(body, n =>
        {
            if (n is BlockStmt b && b.List.Any(s => ReferenceEquals(s, stmt))) found = b;
            return found == null;
        });
        return found;
    }

    /// <summary>A call through an interface method or a function value in statement s (not in closures).</summary>
    private static CallExpr? DynamicCall(Pass pass, Stmt s)
    {
        CallExpr? found = null;
        FuncBodies.InspectOwn(s, n =>
        {
            if (found != null) return false;
            if (n is CallExpr c && !pass.Checker.TypeExprs.Contains(GoAst.Unparen(c.Fun)))
            {
                var fun = GoAst.Unparen(c.Fun);
                if (fun is SelectorExpr sel && pass.TypeOf(sel.X) is var rt && rt is not UnknownType && (rt is Pointer pp ? pp.Elem : rt).Underlying is Interface)
                    found = c;
                else if (fun is Ident id && GoAst.ObjectOf(pass, id) is Var { Type: var ft } && ft.Underlying is Signature)
                    found = c;
                else if (fun is SelectorExpr fsel && pass.TypeOf(fsel.X) is not UnknownType && pass.TypeOf(fsel) is Signature && IsFieldValue(pass, fsel))
                    found = c;
            }
            return true;
        });
        return found;
    }

    /// <summary>x.f where f is a field of function type (not a method).</summary>
    private static bool IsFieldValue(Pass pass, SelectorExpr sel)
    {
        var t = pass.TypeOf(sel.X);
        if (t is Pointer p) t = p.Elem;
        return t.Underlying is Struct st && st.Fields.Any(f => f.Name == sel.Sel.Name && f.Type.Underlying is Signature);
    }
}
