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
            default: return t;
        }
    }

    private static Tuple SubstTuple(Tuple t, Func<Type, Type> s) =>
        t.Count == 0 ? t : new Tuple(t.Vars.Select(v => new Var(v.Name, v.Pkg, v.Pos, s(v.Type))).ToList());

    public static Type Instantiate(Named gen, IReadOnlyList<Type> args, Dictionary<string, Named> cache)
    {
        if (gen.TypeParams.Count == 0 || args.Count != gen.TypeParams.Count) return UnknownType.Instance;
        var key = TypeString.Of(gen) + "@" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(gen) + "[" + string.Join(",", args.Select(TypeString.Of)) + "]";
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

    /// <summary>Infers type arguments by matching parameter types against argument types.</summary>
    public static void Unify(Type param, Type arg, Dictionary<TypeParam, Type> map, int depth = 0)
    {
        if (depth > 16 || arg is UnknownType) return;
        switch (param)
        {
            case TypeParam tp:
                if (!map.ContainsKey(tp) && !(arg is Basic { IsUntyped: true } b && b.Kind == BasicKind.UntypedNil))
                    map[tp] = Universe.Default(arg);
                return;
            case Pointer p when arg.Underlying is Pointer ap: Unify(p.Elem, ap.Elem, map, depth + 1); return;
            case Slice s when arg.Underlying is Slice sa: Unify(s.Elem, sa.Elem, map, depth + 1); return;
            case Array a when arg.Underlying is Array aa: Unify(a.Elem, aa.Elem, map, depth + 1); return;
            case Map m when arg.Underlying is Map ma: Unify(m.Key, ma.Key, map, depth + 1); Unify(m.Elem, ma.Elem, map, depth + 1); return;
            case Chan c when arg.Underlying is Chan ca: Unify(c.Elem, ca.Elem, map, depth + 1); return;
            case Signature sp when arg.Underlying is Signature sa2:
                for (int i = 0; i < sp.Params.Count && i < sa2.Params.Count; i++) Unify(sp.Params[i], sa2.Params[i], map, depth + 1);
                for (int i = 0; i < sp.Results.Count && i < sa2.Results.Count; i++) Unify(sp.Results[i], sa2.Results[i], map, depth + 1);
                return;
            case Named pn when pn.TypeArgs.Count > 0 && arg is Named an && an.Origin != null && ReferenceEquals(an.Origin, pn.Origin):
                for (int i = 0; i < pn.TypeArgs.Count && i < an.TypeArgs.Count; i++) Unify(pn.TypeArgs[i], an.TypeArgs[i], map, depth + 1);
                return;
        }
    }
}
