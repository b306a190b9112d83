using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

// Calls, conversions, builtins and multi-value expressions.
public sealed partial class Checker
{
    private Type Call(CallExpr call, Scope scope, int want)
    {
        var fun = ExprOrType(call.Fun, scope);
        if (fun.IsType)
        {
            foreach (var a in call.Args) ExprType(a, scope, fun.Type);
            return Generics.IsUninstantiated(fun.Type) ? UnknownType.Instance : fun.Type;
        }
        if (fun.Builtin is { } b) return BuiltinCall(b.Name, call, scope);

        if (CoreType(fun.Type) is not Signature sig)
        {
            var argTypes = call.Args.Select(a => ExprType(a, scope, null)).ToList();
            // maps.Clone (Go 1.21) where the toolchain's std predates it: its signature is fixed,
            // func Clone[M ~map[K]V, K comparable, V any](m M) M, so the result has the argument's type
            if (argTypes.Count == 1 && argTypes[0].Underlying is Map && IsUnresolvedMapsClone(call.Fun, scope)) return argTypes[0];
            return UnknownType.Instance;
        }

        if (sig.TypeParams.Count > 0)
        {
            // infer type arguments from the arguments' types; a type parameter left unbound makes the
            // call's type unknown (never a type that mentions the callee's type parameters)
            var argTypes = new List<Type>();
            bool spread = call.EllipsisPos >= 0;
            for (int i = 0; i < call.Args.Count; i++)
            {
                var pt = ParamType(sig, i, spread);
                argTypes.Add(ExprType(call.Args[i], scope, pt != null && Generics.Mentions(pt, sig.TypeParams) ? null : pt));
            }
            if (argTypes.Count == 1 && sig.Params.Count > 1 && argTypes[0] is Tuple many)
            {
                // f(g()) with g returning several values
                argTypes.Clear();
                for (int i = 0; i < many.Count; i++) argTypes.Add(many[i]);
            }
            bool recursive = false;
            foreach (var at in argTypes) recursive |= Generics.Mentions(at, sig.TypeParams);
            if (recursive) sig = Generics.Rename(sig, _instances);
            var paramTypes = new Type?[argTypes.Count];
            for (int i = 0; i < paramTypes.Length; i++) paramTypes[i] = ParamType(sig, i, spread);
            var map = Generics.Infer(sig.TypeParams, paramTypes, argTypes, _instances, Options.UntypedMaxKind);
            if (map == null) return UnknownType.Instance;
            sig = (Signature)Generics.Subst(sig, map, _instances);
            Record(call.Fun, sig);
        }
        else
        {
            if (call.Args.Count == 1 && sig.Params.Count > 1 && call.Args[0] is CallExpr inner)
            {
                ExprType(inner, scope, null); // f(g()) with g returning several values
            }
            else
            {
                for (int i = 0; i < call.Args.Count; i++) ExprType(call.Args[i], scope, ParamType(sig, i, call.EllipsisPos >= 0));
            }
        }
        return Results(sig);
    }

    private static bool IsUnresolvedMapsClone(Expr fun, Scope scope) =>
        fun is SelectorExpr { X: Ident pkg, Sel.Name: "Clone" } && scope.Lookup(pkg.Name) is PkgName pn
        && pn.Imported?.Scope.LookupLocal("Clone") == null && pn.ImportPath is "maps" or "golang.org/x/exp/maps";

    private static Type Results(Signature sig) => sig.Results.Count switch
    {
        0 => Tuple.Empty,
        1 => sig.Results[0],
        _ => sig.Results,
    };

    private static Type? ParamType(Signature sig, int i, bool spread)
    {
        int n = sig.Params.Count;
        if (n == 0) return null;
        if (sig.Variadic && i >= n - 1)
        {
            var last = sig.Params[n - 1];
            return spread ? last : last is Slice s ? s.Elem : null;
        }
        return i < n ? sig.Params[i] : null;
    }

    private Type BuiltinCall(string name, CallExpr call, Scope scope)
    {
        var args = call.Args;
        void Rest(int from)
        {
            for (int i = from; i < args.Count; i++) ExprType(args[i], scope, null);
        }

        switch (name)
        {
            case "make":
                if (args.Count == 0) return UnknownType.Instance;
                var mt = TypeOf(args[0], scope);
                Rest(1);
                return mt;
            case "new":
                return args.Count == 0 ? UnknownType.Instance : new Pointer(TypeOf(args[0], scope));
            case "len" or "cap" or "copy":
                Rest(0);
                return Universe.Int;
            case "append":
                if (args.Count == 0) return UnknownType.Instance;
                var st = ExprType(args[0], scope, null);
                var elem = CoreType(st) is Slice sl ? sl.Elem : null;
                for (int i = 1; i < args.Count; i++) ExprType(args[i], scope, call.EllipsisPos >= 0 ? st : elem);
                return st;
            case "complex":
                Rest(0);
                return Universe.Complex128;
            case "real" or "imag":
                Rest(0);
                return Universe.Float64;
            case "min" or "max":
                Type? result = null;
                foreach (var a in args)
                {
                    var t = ExprType(a, scope, null);
                    if (result == null || result is Basic { IsUntyped: true } && t is not Basic { IsUntyped: true }) result = t;
                }
                return result ?? UnknownType.Instance;
            case "recover":
                return new Interface();
            case "Sizeof" or "Alignof" or "Offsetof":
                Rest(0);
                return Universe.Uintptr;
            case "Add":
                Rest(0);
                return Universe.UnsafePointer;
            case "Slice":
                var pt = args.Count > 0 ? ExprType(args[0], scope, null) : UnknownType.Instance;
                Rest(1);
                return pt.Underlying is Pointer p ? new Slice(p.Elem) : UnknownType.Instance;
            case "String":
                Rest(0);
                return Universe.String;
            case "StringData":
                Rest(0);
                return new Pointer(Universe.Byte);
            case "SliceData":
                var s0 = args.Count > 0 ? ExprType(args[0], scope, null) : UnknownType.Instance;
                return s0.Underlying is Slice s1 ? new Pointer(s1.Elem) : UnknownType.Instance;
            default:
                Rest(0);
                return Tuple.Empty;
        }
    }

    /// <summary>The type of an expression assigned to n variables: a tuple for calls and comma-ok forms.</summary>
    private Type MultiValue(Expr e, Scope scope, int n)
    {
        switch (e)
        {
            case CallExpr call:
                var t = Call(call, scope, n);
                Record(e, t);
                return t;
            case IndexExpr ix when n == 2:
                var x = ExprOrType(ix.X, scope);
                return IndexValue(ix, x.Type, scope, 2);
            case TypeAssertExpr ta when n == 2:
                var tt = ExprTypeCore(ta, scope, null);
                var tuple = new Tuple([new Var("", null, -1, tt), new Var("", null, -1, Universe.UntypedBool)]);
                Record(e, tuple);
                return tuple;
            case UnaryExpr { Op: Token.ARROW } u when n == 2:
                var ct = ExprType(u.X, scope, null);
                var recv = new Tuple([new Var("", null, -1, ct.Underlying is Chan ch ? ch.Elem : UnknownType.Instance), new Var("", null, -1, Universe.UntypedBool)]);
                Record(e, recv);
                return recv;
            case ParenExpr p:
                var inner = MultiValue(p.X, scope, n);
                Record(e, inner);
                return inner;
            default:
                return ExprType(e, scope, null);
        }
    }

    private static Type TupleElement(Type t, int i) => t is Tuple tu ? (i < tu.Count ? tu[i] : UnknownType.Instance) : i == 0 ? t : UnknownType.Instance;
}
