using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// Uses of a tracked variable after which it may no longer hold a nil map: assignments, taking its address,
/// passing it (or a pointer) where it could be initialized, method calls on it. Everything not known to be
/// harmless counts, so the rule stays silent when unsure.
/// </summary>
internal static class Spoilers
{
    public static bool Spoils(Pass pass, Tracked t, Ident use, Parents parents)
    {
        var parent = parents.OfUnparen(use);
        Expr self = use;
        while (parents.Of(self) is ParenExpr pe) self = pe;
        switch (t.Kind)
        {
            case NilKind.Map:
                return AssignedOrAddressed(self, parent);
            case NilKind.PointerToMap:
                // only (*p)[k], range *p and len(*p) leave the pointee alone
                if (parent is not StarExpr star) return true;
                var outer = parents.OfUnparen(star);
                return !(outer is IndexExpr ix && ReferenceEquals(Strip(ix.X), star)
                         || outer is RangeStmt r && ReferenceEquals(Strip(r.X), star)
                         || outer is CallExpr c && GoAst.IsBuiltinCall(pass, c, "len"));
            case NilKind.StructFields:
                // t.g for a field g is harmless unless it assigns (or takes the address of) a tracked field
                if (parent is not SelectorExpr sel || !ReferenceEquals(Strip(sel.X), use)) return true;
                var st = (t.Var.Type is Pointer p ? p.Elem : t.Var.Type).Underlying as Struct;
                if (st == null || st.Fields.All(f => f.Name != sel.Sel.Name)) return true; // a method call may initialize
                if (!t.Fields!.ContainsKey(sel.Sel.Name)) return false;
                Expr selSelf = sel;
                while (parents.Of(selSelf) is ParenExpr spe) selSelf = spe;
                return AssignedOrAddressed(selSelf, parents.OfUnparen(sel));
        }
        return true;
    }

    private static Expr Strip(Expr e) => GoAst.Unparen(e);

    /// <summary>x is assigned (x = ..., x, y = ..., x op= ...), ranged into, or has its address taken.</summary>
    private static bool AssignedOrAddressed(Expr x, Node? parent) => parent switch
    {
        AssignStmt a => a.Lhs.Any(l => ReferenceEquals(l, x)),
        UnaryExpr { Op: Token.AND } => true,
        RangeStmt r => r.Tok == Token.ASSIGN && (ReferenceEquals(r.Key, x) || ReferenceEquals(r.Value, x)),
        _ => false,
    };
}
