using MapScope.Semantics.Types;
using Array = MapScope.Semantics.Types.Array;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

/// <summary>Instantiation of generic types and substitution of type parameters.</summary>
internal static class Generics
{
    public static Type Subst(Type t, IReadOnlyDictionary<TypeParam, Type> map, Dictionary<string, Named> cache, int depth = 0)
    {
        if (map.Count == 0 || depth > 32) return t;
        Type S(Type x) => Subst(x, map, cache, depth + 1);
        switch (t)
        {
            case TypeParam tp: return map.TryGetValue(tp, out var r) ? r : t;
            case Pointer p: return new Pointer(S(p.Elem));
            case Slice s: return new Slice(S(s.Elem));
            case Array a: return new Array(S(a.Elem), a.Len);
            case Map m: return new Map(S(m.Key), S(m.Elem));
            case Chan c: return new Chan(c.Dir, S(c.Elem));
            case Tuple tu: return SubstTuple(tu, S);
            case Signature sig:
                return new Signature(sig.Recv, sig.TypeParams.Where(tp => !map.ContainsKey(tp)).ToList(), SubstTuple(sig.Params, S), SubstTuple(sig.Results, S), sig.Variadic);
            case Struct st:
                return new Struct(st.Fields.Select(f => new Var(f.Name, f.Pkg, f.Pos, S(f.Type)) { IsField = true, Embedded = f.Embedded }).ToList(), st.Tags);
            case Interface it when !it.IsAny && !it.IsEmpty:
                var ni = new Interface { IsComparable = it.IsComparable };
                foreach (var m in it.Methods)
                {
                    var f = new Func(m.Name, m.Pkg, m.Pos);
                    f.SetSignature((Signature)S(m.Signature));
                    ni.Methods.Add(f);
                }
                ni.Embeddeds.AddRange(it.Embeddeds.Select(S));
                ni.Unions.AddRange(it.Unions.Select(u => u.Select(term => term with { Type = S(term.Type) }).ToArray()));
                return ni;
            case Named n when n.TypeArgs.Count > 0 && n.Origin != null:
                return Instantiate(n.Origin, n.TypeArgs.Select(S).ToList(), cache);
            case Alias { Origin: { } origin } al:
                return InstantiateAlias(origin, al.TypeArgs.Select(S).ToList(), cache, keep: true);
            default: return t;
        }
    }

    private static Tuple SubstTuple(Tuple t, Func<Type, Type> s) =>
        t.Count == 0 ? t : new Tuple(t.Vars.Select(v => new Var(v.Name, v.Pkg, v.Pos, s(v.Type))).ToList());

    public static Type Instantiate(Named gen, IReadOnlyList<Type> args, Dictionary<string, Named> cache)
    {
        if (gen.TypeParams.Count == 0 || args.Count != gen.TypeParams.Count) return UnknownType.Instance;
        // keyed by the arguments' identity: P[K, V] of two functions are different instances
        var key = TypeString.Of(gen) + "@" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(gen) + "[" + string.Join(",", args.Select(TypeString.Key)) + "]";
        if (cache.TryGetValue(key, out var inst)) return inst;
        inst = new Named(gen.Obj) { Origin = gen, TypeArgs = args };
        cache[key] = inst;
        var map = Bind(gen.TypeParams, args);
        inst.Resolve = () => Subst(gen.Underlying, map, cache);
        return inst;
    }

    public static Dictionary<TypeParam, Type> Bind(IReadOnlyList<TypeParam> tparams, IReadOnlyList<Type> args)
    {
        var map = new Dictionary<TypeParam, Type>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < tparams.Count && i < args.Count; i++) map[tparams[i]] = args[i];
        return map;
    }

    /// <summary>
    /// An instance of a generic alias: an alias instance (A[int], printed so) when aliases are kept,
    /// otherwise the aliased type with the arguments substituted.
    /// </summary>
    public static Type InstantiateAlias(Alias gen, IReadOnlyList<Type> args, Dictionary<string, Named> cache, bool keep)
    {
        if (gen.TypeParams.Count == 0 || args.Count != gen.TypeParams.Count) return UnknownType.Instance;
        var map = Bind(gen.TypeParams, args);
        if (!keep) return Subst(gen.Rhs, map, cache);
        return new Alias(gen.Obj) { Origin = gen, TypeArgs = args, Resolve = () => Subst(gen.Rhs, map, cache) };
    }

    /// <summary>The underlying type, or for a type parameter the single underlying type of its constraint's terms.</summary>
    public static Type CoreType(Type t)
    {
        t = Alias.Unalias(t);
        if (t is not TypeParam tp) return t.Underlying;
        return CoreTerm(tp) is { } term ? term.Type.Underlying : UnknownType.Instance;
    }

    /// <summary>
    /// The single term of a type parameter's constraint (~map[K]V in [M ~map[K]V, K comparable, V any],
    /// []E in interface{ []E }), or null when the type set has no single term; methods do not matter.
    /// </summary>
    public static Term? CoreTerm(TypeParam tp)
    {
        var c = tp.Constraint is LazyType lt ? lt.Value : tp.Constraint;
        return CoreTermOf(c, 0);
    }

    private static Term? CoreTermOf(Type c, int depth)
    {
        if (depth > 8 || Alias.Unalias(c).Underlying is not Interface it) return null;
        // exactly one element that restricts the type set: one union of one term, or one embedded type
        Term? found = null;
        int restricting = 0;
        foreach (var union in it.Unions)
        {
            restricting++;
            if (union.Length == 1) found = union[0];
        }
        foreach (var e in it.Embeddeds)
        {
            var eu = Alias.Unalias(e is LazyType l ? l.Value : e);
            if (eu.Underlying is Interface inner)
            {
                if (inner.Unions.Count == 0 && OnlyInterfaces(inner.Embeddeds)) continue; // methods only
                restricting++;
                found = CoreTermOf(eu, depth + 1);
            }
            else
            {
                restricting++;
                found = new Term(false, e);
            }
        }
        return restricting == 1 ? found : null;
    }

    private static bool OnlyInterfaces(List<Type> embeddeds)
    {
        foreach (var x in embeddeds)
            if (Alias.Unalias(x).Underlying is not Interface) return false;
        return true;
    }

    /// <summary>A generic type named without type arguments (only valid where it is instantiated).</summary>
    public static bool IsUninstantiated(Type t) =>
        t is Named { TypeParams.Count: > 0, Origin: null } || t is Alias { TypeParams.Count: > 0, Origin: null };

    /// <summary>Whether t mentions one of the type parameters.</summary>
    public static bool Mentions(Type t, IReadOnlyList<TypeParam> tparams, int depth = 0)
    {
        if (depth > 32) return false;
        bool M(Type x) => Mentions(x, tparams, depth + 1);
        switch (t)
        {
            case TypeParam tp:
                for (int i = 0; i < tparams.Count; i++)
                    if (ReferenceEquals(tparams[i], tp)) return true;
                return false;
            case Pointer p: return M(p.Elem);
            case Slice s: return M(s.Elem);
            case Array a: return M(a.Elem);
            case Map m: return M(m.Key) || M(m.Elem);
            case Chan c: return M(c.Elem);
            case Tuple tu:
                foreach (var v in tu.Vars)
                    if (M(v.Type)) return true;
                return false;
            case Signature sig: return M(sig.Params) || M(sig.Results);
            case Struct st:
                foreach (var f in st.Fields)
                    if (M(f.Type)) return true;
                return false;
            case Named n:
                foreach (var a in n.TypeArgs)
                    if (M(a)) return true;
                return false;
            case Alias al:
                if (al.Origin == null) return M(al.Target);
                foreach (var a in al.TypeArgs)
                    if (M(a)) return true;
                return false;
            default: return false;
        }
    }

    private static bool Contains(IReadOnlyList<TypeParam> tparams, Type t)
    {
        if (t is not TypeParam tp) return false;
        for (int i = 0; i < tparams.Count; i++)
            if (ReferenceEquals(tparams[i], tp)) return true;
        return false;
    }

    /// <summary>
    /// Unifies a parameter type with an argument type, binding the type parameters in
    /// <paramref name="tparams"/> (go/types' inexact unification, as far as inference needs it):
    /// a defined type matches a type literal through its underlying type, aliases are looked through,
    /// and a type parameter bound to a type literal is rebound to a defined type that matches it.
    /// </summary>
    public static void Unify(Type param, Type arg, Dictionary<TypeParam, Type> map, IReadOnlyList<TypeParam> tparams, int depth = 0)
    {
        if (depth > 16 || arg is UnknownType || param is UnknownType) return;
        var x = Alias.Unalias(param);
        var y = Alias.Unalias(arg);
        if (ReferenceEquals(x, y)) return;
        if (!Contains(tparams, x) && Contains(tparams, y))
        {
            // symmetric: the bound type parameter goes first
            (x, y) = (y, x);
            (param, arg) = (arg, param);
        }
        if (x is TypeParam tp && Contains(tparams, x))
        {
            if (arg is Basic { Kind: BasicKind.UntypedNil }) return;
            if (!map.TryGetValue(tp, out var bound))
            {
                map[tp] = Universe.Default(arg);
                return;
            }
            var b = Alias.Unalias(bound);
            if (ReferenceEquals(b, y)) return;
            if (Contains(tparams, b))
            {
                if (!Contains(tparams, y)) map[(TypeParam)b] = Universe.Default(arg);
                return;
            }
            Unify(bound, arg, map, tparams, depth + 1);
            // prefer the defined type, whatever the order of the arguments
            if (b is not Named && y is Named) map[tp] = arg;
            return;
        }
        if (x is Named xn && y is Named yn)
        {
            if (xn.Origin != null && ReferenceEquals(xn.Origin, yn.Origin))
                for (int i = 0; i < xn.TypeArgs.Count && i < yn.TypeArgs.Count; i++) Unify(xn.TypeArgs[i], yn.TypeArgs[i], map, tparams, depth + 1);
            return;
        }
        // a defined type against a type literal: continue with its underlying type
        if (x is Named) x = x.Underlying;
        else if (y is Named) y = y.Underlying;
        else if (y is TypeParam) y = CoreType(y);
        switch (x)
        {
            case Pointer p when y is Pointer ap: Unify(p.Elem, ap.Elem, map, tparams, depth + 1); return;
            case Slice s when y is Slice sa: Unify(s.Elem, sa.Elem, map, tparams, depth + 1); return;
            case Array a when y is Array aa: Unify(a.Elem, aa.Elem, map, tparams, depth + 1); return;
            case Map m when y is Map ma: Unify(m.Key, ma.Key, map, tparams, depth + 1); Unify(m.Elem, ma.Elem, map, tparams, depth + 1); return;
            case Chan c when y is Chan ca: Unify(c.Elem, ca.Elem, map, tparams, depth + 1); return;
            case Signature sp when y is Signature sa2:
                for (int i = 0; i < sp.Params.Count && i < sa2.Params.Count; i++) Unify(sp.Params[i], sa2.Params[i], map, tparams, depth + 1);
                for (int i = 0; i < sp.Results.Count && i < sa2.Results.Count; i++) Unify(sp.Results[i], sa2.Results[i], map, tparams, depth + 1);
                return;
            case Struct st when y is Struct sy && st.Fields.Count == sy.Fields.Count:
                for (int i = 0; i < st.Fields.Count; i++) Unify(st.Fields[i].Type, sy.Fields[i].Type, map, tparams, depth + 1);
                return;
        }
    }

    /// <summary>
    /// Infers a generic function's type arguments from its call's arguments, as go/types' infer does:
    /// typed arguments first, then the core types of the constraints (M ~map[K]V binds K and V once M
    /// is known, and a single non-tilde term binds its parameter outright), then the default types of
    /// untyped constants, and finally type arguments that mention other type parameters are simplified.
    /// Returns null when some type parameter stays unbound: the call then has no known type.
    /// </summary>
    public static Dictionary<TypeParam, Type>? Infer(IReadOnlyList<TypeParam> tparams, IReadOnlyList<Type?> paramTypes, IReadOnlyList<Type> argTypes, Dictionary<string, Named> cache, bool untypedMaxKind)
    {
        var map = new Dictionary<TypeParam, Type>(ReferenceEqualityComparer.Instance);
        List<int>? untyped = null;
        for (int i = 0; i < argTypes.Count && i < paramTypes.Count; i++)
        {
            if (paramTypes[i] is not { } pt) continue;
            var at = argTypes[i];
            if (at is Basic { IsUntyped: true } ub)
            {
                if (ub.Kind != BasicKind.UntypedNil && Contains(tparams, Alias.Unalias(pt))) (untyped ??= []).Add(i);
                continue;
            }
            Unify(pt, at, map, tparams);
        }

        for (int round = 0; round <= tparams.Count; round++)
        {
            int before = map.Count;
            foreach (var tp in tparams)
            {
                if (CoreTerm(tp) is not { } core) continue;
                if (map.TryGetValue(tp, out var tx)) Unify(core.Type, tx, map, tparams);
                else if (!core.Tilde) map[tp] = core.Type;
            }
            if (map.Count == before) break;
        }

        if (untyped != null)
        {
            // the largest untyped kind among a parameter's constant arguments decides (1 and 2.5: float64)
            Dictionary<TypeParam, Basic>? max = null;
            foreach (var i in untyped)
            {
                var tp = (TypeParam)Alias.Unalias(paramTypes[i]!);
                if (map.ContainsKey(tp)) continue;
                var b = (Basic)argTypes[i];
                max ??= new Dictionary<TypeParam, Basic>(ReferenceEqualityComparer.Instance);
                if (!max.TryGetValue(tp, out var m)) max[tp] = b;
                else if (m.Kind != b.Kind && !untypedMaxKind) return null; // before Go 1.21: mismatched types
                else if (b.Kind > m.Kind) max[tp] = b;
            }
            if (max != null)
                foreach (var (tp, b) in max) map[tp] = Universe.Default(b);
        }

        if (map.Count < tparams.Count) return null;
        // simplify: type arguments that mention type parameters (through constraints) get theirs substituted
        for (int round = 0; round < tparams.Count; round++)
        {
            bool dirty = false;
            foreach (var tp in tparams)
            {
                var t = map[tp];
                if (!Mentions(t, tparams)) continue;
                if (Mentions(t, [tp])) return null; // a cycle: [A interface{ *A }]
                map[tp] = Subst(t, map, cache);
                dirty = true;
            }
            if (!dirty) return map;
        }
        foreach (var tp in tparams)
            if (Mentions(map[tp], tparams)) return null;
        return map;
    }

    /// <summary>
    /// The signature with fresh type parameters, for a generic function called from its own body, where
    /// the arguments' types mention the very type parameters being inferred (go/types renames them too).
    /// </summary>
    public static Signature Rename(Signature sig, Dictionary<string, Named> cache)
    {
        var renames = new Dictionary<TypeParam, Type>(ReferenceEqualityComparer.Instance);
        var fresh = new List<TypeParam>(sig.TypeParams.Count);
        foreach (var tp in sig.TypeParams)
        {
            var n = new TypeParam(tp.Obj, tp.Index);
            renames[tp] = n;
            fresh.Add(n);
        }
        for (int i = 0; i < fresh.Count; i++)
        {
            var original = sig.TypeParams[i];
            fresh[i].Constraint = new LazyType(() => Subst(original.Constraint is LazyType lt ? lt.Value : original.Constraint, renames, cache));
        }
        var renamed = (Signature)Subst(new Signature(sig.Recv, [], sig.Params, sig.Results, sig.Variadic), renames, cache);
        return new Signature(renamed.Recv, fresh, renamed.Params, renamed.Results, renamed.Variadic);
    }
}
