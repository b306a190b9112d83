using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NewMap;

/// <summary>
/// A new(map) whose map is made later, by the code itself: stored through a pointer (`*out = new(http.Header)`,
/// the double pointers of generated deep-copy code, which then assign `**out`), or kept in a variable that is
/// handed to a function or method (`out := new(T); in.DeepCopyInto(out)`, `json.Unmarshal(b, p)`) or assigned
/// through (`*p = make(...)`) — the pointer exists to be filled.
/// </summary>
internal static class FilledLater
{
    public static bool Is(Pass pass, Parents parents, CallExpr call)
    {
        var parent = parents.OfUnparen(call);
        Ident? target = null;
        switch (parent)
        {
            // a decode target in a table: {in: `{}`, ptr: new(map[string]any)} with ptr an interface field
            case KeyValueExpr { Key: Ident fieldName } kv when ReferenceEquals(GoAst.Unparen(kv.Value), call) && parents.Of(kv) is CompositeLit owner:
                return FieldType(pass, owner, fieldName.Name) is Interface;
            case CompositeLit list when list.Elts.Any(e => ReferenceEquals(GoAst.Unparen(e), call)):
                var lt = pass.TypeOf(list);
                if (lt is Pointer lp) lt = lp.Elem;
                return lt.Underlying switch
                {
                    Slice sl => sl.Elem.Underlying is Interface,
                    Semantics.Types.Array ar => ar.Elem.Underlying is Interface,
                    Struct st => list.Elts.FindIndex(e => ReferenceEquals(GoAst.Unparen(e), call)) is var idx && idx < st.Fields.Count && st.Fields[idx].Type.Underlying is Interface,
                    _ => false,
                };
            case AssignStmt a when a.Lhs.Count == a.Rhs.Count:
                int i = a.Rhs.FindIndex(r => ReferenceEquals(GoAst.Unparen(r), call));
                if (i < 0) return false;
                if (GoAst.Unparen(a.Lhs[i]) is StarExpr) return true; // stored through a pointer, which the code fills next
                target = a.Lhs[i] as Ident;
                break;
            case ValueSpec vs when vs.Values is { } values:
                int j = values.FindIndex(v => ReferenceEquals(GoAst.Unparen(v), call));
                if (j >= 0 && j < vs.Names.Count) target = vs.Names[j];
                break;
        }
        if (target == null || GoAst.ObjectOf(pass, target) is not Var v) return false;
        var scope = Enclosing(parents, call);
        if (scope == null) return false;
        bool filled = false;
        Inspector.Inspect(scope, n =>
        {
            if (filled) return false;
            switch (n)
            {
                case CallExpr c when !ReferenceEquals(c, call):
                    foreach (var arg in c.Args)
                        if (Denotes(pass, arg, v)) filled = true;
                    if (GoAst.Unparen(c.Fun) is SelectorExpr { X: var recv } && Denotes(pass, recv, v)) filled = true;
                    break;
                case AssignStmt a2:
                    foreach (var lhs in a2.Lhs)
                        if (GoAst.Unparen(lhs) is StarExpr { X: var px } && Denotes(pass, px, v)) filled = true;
                    break;
            }
            return true;
        }, comments: false);
        return filled;
    }

    private static Semantics.Types.Type? FieldType(Pass pass, CompositeLit lit, string field)
    {
        var t = pass.TypeOf(lit);
        if (t is Pointer p) t = p.Elem;
        return t.Underlying is Struct st ? st.Fields.FirstOrDefault(f => f.Name == field)?.Type.Underlying : null;
    }

    /// <summary>v itself or &amp;v.</summary>
    private static bool Denotes(Pass pass, Expr e, Var v)
    {
        e = GoAst.Unparen(e);
        if (e is UnaryExpr { Op: Syntax.Token.AND } u) e = GoAst.Unparen(u.X);
        return e is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), v);
    }

    private static Node? Enclosing(Parents parents, Node n)
    {
        for (var p = parents.Of(n); p != null; p = parents.Of(p))
            if (p is BlockStmt { } b && parents.Of(b) is FuncDecl or FuncLit) return b;
        return null;
    }
}
