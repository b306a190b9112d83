using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.SyncMapCheckThenAct;

/// <summary>
/// Whether a stored value is computed from the key alone: built from the key's variables, constants, literals,
/// types, builtins and package-level functions (assumed to depend only on their arguments), and local variables
/// given such a value between the Load and the Store (or once, where declared). Anything else — a receiver,
/// another parameter, a package variable, a method of something that is not the key — may differ between
/// goroutines, and then the lost value matters.
/// </summary>
internal static class KeyOnlyValue
{
    public static bool Is(Pass pass, BlockStmt body, Expr value, Expr key, int loadEnd, int storePos)
    {
        var keyVars = new HashSet<Var>(ReferenceEqualityComparer.Instance);
        bool keyIsVariables = true;
        Inspector.Inspect(key, n =>
        {
            if (n is Ident id)
            {
                var o = GoAst.ObjectOf(pass, id);
                if (o is Var v) keyVars.Add(v);
                else if (o is not (Const or Func or TypeName or Builtin or Nil) && !GoAst.IsPackageName(pass, id)) keyIsVariables = false;
            }
            return true;
        }, comments: false);
        if (!keyIsVariables || keyVars.Count == 0) return false;
        var walker = new Walker(pass, body, keyVars, loadEnd, storePos);
        if (!walker.Pure(value, depth: 0)) return false;
        // equal values, not shared objects: a fresh channel, mutex, counter, container or connection that
        // callers use as a shared thing is not equal to another goroutine's one
        if (IdentitySensitive(pass, value)) return false;
        foreach (var source in walker.Sources)
            if (IdentitySensitive(pass, source)) return false;
        return true;
    }

    /// <summary>
    /// A cache keyed by a reflect.Type (encoders, decoders, field layouts, as encoding/json keeps them): what is
    /// stored is derived from the type, however long the computation, so a racing goroutine stores an equal value —
    /// unless the value is used for its identity.
    /// </summary>
    public static bool IsTypeKeyed(Pass pass, Expr value, Expr key)
    {
        var t = pass.TypeOf(key);
        return t is Named { Obj: { Name: "Type", Pkg.Path: "reflect" } } && !IdentitySensitive(pass, value);
    }

    /// <summary>
    /// A get-or-compute function (memoization): the hit path returns what Load found, the miss path computes a
    /// value, stores it and returns it. Two racing callers each return what they computed and one stored value
    /// wins; for a value that is not used for its identity that loses nothing but the work.
    /// </summary>
    public static bool IsMemo(Pass pass, BlockStmt body, CallExpr load, CallExpr store)
    {
        if (store.Args.Count != 2 || GoAst.Unparen(store.Args[1]) is not Ident stored || GoAst.ObjectOf(pass, stored) is not Var sv) return false;
        if (IdentitySensitive(pass, store.Args[1])) return false;
        Var? loaded = null;
        bool hitReturns = false, missReturns = false;
        Inspector.Inspect(body, n =>
        {
            switch (n)
            {
                case AssignStmt { Rhs: [var rhs], Lhs: [Ident lv, ..] } when ReferenceEquals(GoAst.Unparen(rhs), load):
                    loaded = GoAst.ObjectOf(pass, lv) as Var;
                    break;
                case ReturnStmt r when r.Pos > load.End && r.End < store.Pos && loaded != null:
                    if ((r.Results ?? []).Any(e => Mentions(pass, e, loaded))) hitReturns = true;
                    break;
                case ReturnStmt r2 when r2.Pos > store.End:
                    if ((r2.Results ?? []).Any(e => GoAst.Unparen(e) is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), sv))) missReturns = true;
                    break;
            }
            return true;
        }, comments: false);
        return hitReturns && missReturns;
    }

    private static bool Mentions(Pass pass, Expr e, Var v)
    {
        bool found = false;
        Inspector.Inspect(e, n =>
        {
            if (n is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), v)) found = true;
            return !found;
        }, comments: false);
        return found;
    }

    private static bool IdentitySensitive(Pass pass, Expr e)
    {
        e = GoAst.Unparen(e);
        if (e is CallExpr { Fun: Ident { Name: "make" or "new" } }) return true;
        if (e is UnaryExpr { Op: Token.AND, X: CompositeLit { Elts.Count: 0 } }) return true;
        return SensitiveType(pass.TypeOf(e), depth: 0);
    }

    private static bool SensitiveType(MapScope.Semantics.Types.Type t, int depth)
    {
        if (depth > 3) return false;
        if (t is Pointer p) t = p.Elem;
        if (t is Named n)
        {
            if (n.Obj.Pkg?.Path is "sync" or "sync/atomic") return true;
            if (n.Methods.Any(m => m.Name is "Close" or "Stop" or "Shutdown" or "Cancel")) return true;
        }
        return t.Underlying switch
        {
            // a fresh container or channel handed out is shared state, not a value
            Chan or MapScope.Semantics.Types.Map or Slice or Signature => depth == 0 || t.Underlying is Chan,
            // an object with a lock, an atomic counter or a channel inside is used for its identity;
            // ordinary slices and maps inside (a compiled pattern's tables) are not
            Struct st => st.Fields.Any(f => SensitiveType(f.Type, depth + 1)),
            _ => false,
        };
    }

    private sealed class Walker(Pass pass, BlockStmt body, HashSet<Var> keyVars, int loadEnd, int storePos)
    {
        /// <summary>The values given to the stored variable itself (depth 0), whose types matter as much as its own.</summary>
        public List<Expr> Sources { get; } = [];

        public bool Pure(Expr e, int depth)
        {
            if (depth > 4) return false;
            e = GoAst.Unparen(e);
            switch (e)
            {
                case BasicLit:
                    return true;
                case Ident id:
                    return GoAst.ObjectOf(pass, id) switch
                    {
                        Var v when keyVars.Contains(v) => true,
                        Var { IsPackageLevel: false } v => LocalPure(v, depth),
                        Const or Func or TypeName or Builtin or Nil => true,
                        // builtins are recorded as no object at all
                        null => id.Name is "len" or "cap" or "make" or "new" or "append" or "min" or "max" or "nil" or "true" or "false"
                            && pass.Checker.Pkg.Scope.LookupLocal(id.Name) == null,
                        _ => false,
                    };
                case SelectorExpr sel:
                    if (GoAst.Unparen(sel.X) is Ident pkg && GoAst.IsPackageName(pass, pkg))
                        return pass.Checker.Uses.TryGetValue(sel.Sel, out var member) && member is Const or Func or TypeName;
                    return Pure(sel.X, depth); // a field or method of a key-only value
                case CallExpr call:
                    if (!pass.Checker.TypeExprs.Contains(GoAst.Unparen(call.Fun)) && !Pure(call.Fun, depth)) return false;
                    foreach (var a in call.Args)
                        if (!Pure(a, depth)) return false;
                    return true;
                case BinaryExpr b:
                    return Pure(b.X, depth) && Pure(b.Y, depth);
                case UnaryExpr { Op: not Token.ARROW } u:
                    return Pure(u.X, depth);
                case StarExpr st:
                    return Pure(st.X, depth);
                case TypeAssertExpr ta:
                    return Pure(ta.X, depth);
                case IndexExpr ix:
                    return Pure(ix.X, depth) && Pure(ix.Index, depth);
                case SliceExpr sl:
                    return Pure(sl.X, depth) && (sl.Low == null || Pure(sl.Low, depth)) && (sl.High == null || Pure(sl.High, depth)) && (sl.Max == null || Pure(sl.Max, depth));
                case CompositeLit cl:
                    foreach (var el in cl.Elts)
                        if (!Pure(el is KeyValueExpr kv ? kv.Value : el, depth)) return false;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A local variable: every assignment between the Load and the Store gives it a key-only value (`v = compute(k)`),
        /// or, when none is there, it is assigned exactly once (`v := compute(k)`) with one.
        /// </summary>
        private bool LocalPure(Var v, int depth)
        {
            var between = new List<Expr?>();
            var all = new List<Expr?>();
            bool escapes = false;
            Inspector.Inspect(body, n =>
            {
                switch (n)
                {
                    case AssignStmt a:
                        for (int i = 0; i < a.Lhs.Count; i++)
                        {
                            if (GoAst.Unparen(a.Lhs[i]) is not Ident id || !ReferenceEquals(GoAst.ObjectOf(pass, id), v)) continue;
                            // `v, ok := m.Load(k)` and other multi-value forms: not a value computed here
                            var rhs = a.Lhs.Count == a.Rhs.Count && a.Tok is Token.DEFINE or Token.ASSIGN ? a.Rhs[i] : null;
                            // `id, err := json.Marshal(k)`: every result of a key-only call is key-only (m.Load(k) is not: m is no key)
                            if (a.Lhs.Count > 1 && a.Rhs is [CallExpr multi] && a.Tok is Token.DEFINE or Token.ASSIGN) rhs = multi;
                            all.Add(rhs);
                            if (a.Pos > loadEnd && a.End <= storePos) between.Add(rhs);
                        }
                        break;
                    case IncDecStmt { X: Ident inc } when ReferenceEquals(GoAst.ObjectOf(pass, inc), v):
                        all.Add(null);
                        if (inc.Pos > loadEnd && inc.End <= storePos) between.Add(null);
                        break;
                    case UnaryExpr { Op: Token.AND, X: Ident addr } when ReferenceEquals(GoAst.ObjectOf(pass, addr), v):
                        escapes = true;
                        break;
                    case ValueSpec spec:
                        foreach (var name in spec.Names)
                            if (ReferenceEquals(GoAst.ObjectOf(pass, name), v)) all.Add(spec.Values is { } vals && vals.Count == spec.Names.Count ? vals[spec.Names.IndexOf(name)] : null);
                        break;
                }
                return true;
            }, comments: false);
            if (escapes) return false;
            var relevant = between.Count > 0 ? between : all.Count == 1 ? all : null;
            if (relevant == null) return false;
            foreach (var rhs in relevant)
            {
                if (rhs == null || !Pure(rhs, depth + 1)) return false;
                if (depth == 0) Sources.Add(rhs);
            }
            return true;
        }
    }
}
