using MapScope.Semantics.Types;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

/// <summary>Field and method lookup through embedding, pointers and instantiation (go/types' LookupFieldOrMethod).</summary>
internal static class Lookup
{
    public static (Object? Obj, Type Type) FieldOrMethod(Type t, string name, Dictionary<string, Named> cache)
    {
        t = Alias.Unalias(t);
        if (t is Pointer { Elem: var pe } && Alias.Unalias(pe) is var e && (e is Named || e.Underlying is Struct)) t = e;
        var level = new List<Type> { t };
        var seen = new HashSet<Type>(ReferenceEqualityComparer.Instance);
        for (int depth = 0; depth < 8 && level.Count > 0; depth++)
        {
            var next = new List<Type>();
            (Object?, Type)? found = null;
            foreach (var typ in level)
            {
                if (!seen.Add(typ)) continue;
                if (typ is Named named)
                {
                    var origin = named.Origin ?? named;
                    foreach (var m in origin.Methods)
                    {
                        if (m.Name != name) continue;
                        Type sig = m.Signature;
                        if (named.Origin != null) sig = Generics.Subst(sig, Generics.Bind(origin.TypeParams, named.TypeArgs), cache);
                        found ??= (m, sig);
                    }
                }
                switch (typ.Underlying)
                {
                    case Struct st:
                        foreach (var f in st.Fields)
                        {
                            if (f.Name == name) found ??= (f, f.Type);
                            if (f.Embedded)
                            {
                                var ft = Alias.Unalias(f.Type);
                                next.Add(ft is Pointer p ? Alias.Unalias(p.Elem) : ft);
                            }
                        }
                        break;
                    case Interface it:
                        if (InterfaceMethod(it, name, cache, 0) is { } im) found ??= (im, im.Signature);
                        break;
                }
            }
            if (found is { } hit) return hit;
            level = next;
        }
        return (null, UnknownType.Instance);
    }

    private static Func? InterfaceMethod(Interface it, string name, Dictionary<string, Named> cache, int depth)
    {
        if (depth > 8) return null;
        foreach (var m in it.Methods)
            if (m.Name == name) return m;
        foreach (var e in it.Embeddeds)
        {
            if (e.Underlying is Interface inner && InterfaceMethod(inner, name, cache, depth + 1) is { } f)
            {
                if (Alias.Unalias(e) is Named { Origin: { } origin } n)
                {
                    var sub = new Func(f.Name, f.Pkg, f.Pos);
                    sub.SetSignature((Signature)Generics.Subst(f.Signature, Generics.Bind(origin.TypeParams, n.TypeArgs), cache));
                    return sub;
                }
                return f;
            }
        }
        return null;
    }
}
