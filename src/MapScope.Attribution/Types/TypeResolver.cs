using MapScope.Attribution.Walk;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Types;

/// <summary>
/// Types of type expressions and of value expressions, from declarations in the same package only.
/// Anything that needs another package, a type parameter or real type checking is unknown (null).
/// </summary>
internal sealed class TypeResolver(PackageDecls decls)
{
    /// <summary>The package scope, where package-level type expressions are resolved.</summary>
    public Scope PackageScope => decls.Scope;

    private const int MaxDepth = 200;
    private readonly Dictionary<Expr, GoType?> _exprTypes = new(ReferenceEqualityComparer.Instance);
    private int _depth;

    // ---- type expressions ----

    public GoType? TypeOfTypeExpr(Expr? e, Scope scope)
    {
        if (e is null || ++_depth > MaxDepth) { if (e is not null) _depth--; return null; }
        try
        {
            switch (e)
            {
                case ParenExpr p: return TypeOfTypeExpr(p.X, scope);
                case Ident id:
                    var o = scope.Lookup(id.Name);
                    if (o is null) return BasicType.IsPredeclared(id.Name) ? new BasicType(id.Name) : null;
                    return o.Kind switch
                    {
                        ObjectKind.TypeName => o.NamedType,
                        ObjectKind.LocalType => new OpaqueType(id.Name),
                        _ => null,
                    };
                case IndexExpr ix: return TypeOfTypeExpr(ix.X, scope) as NamedType; // generic instantiation
                case IndexListExpr il: return TypeOfTypeExpr(il.X, scope) as NamedType;
                case StarExpr s: return new PointerType(TypeOfTypeExpr(s.X, scope));
                case MapType m: return new MapGoType(TypeOfTypeExpr(m.Key, scope), TypeOfTypeExpr(m.Value, scope), m);
                case ArrayType a: return new SliceGoType(TypeOfTypeExpr(a.Elt, scope), a.Len is not null);
                case Ellipsis el: return new SliceGoType(TypeOfTypeExpr(el.Elt, scope), false);
                case StructType st: return new StructGoType(st);
                case FuncType ft: return new FuncGoType(ft);
                case InterfaceType it: return new OpaqueType(it.Methods.List.Count == 0 ? "interface{}" : "interface{...}");
                case ChanType: return new OpaqueType("chan");
                default: return null; // pkg.T and anything else: another package decides
            }
        }
        finally { _depth--; }
    }

    /// <summary>The underlying type: a named type's definition, followed through other named types.</summary>
    public GoType? Underlying(GoType? t)
    {
        for (int i = 0; i < 20 && t is NamedType n; i++)
            t = TypeOfTypeExpr(n.Spec.Type, TypeParamScope(n.Spec));
        return t is NamedType ? null : t;
    }

    public bool IsMap(GoType? t) => Underlying(t) is MapGoType;

    public MapGoType? AsMap(GoType? t) => Underlying(t) as MapGoType;

    /// <summary>Type parameters shadow package names inside a generic declaration.</summary>
    private Scope TypeParamScope(TypeSpec spec)
    {
        if (spec.TypeParams is not { List.Count: > 0 } tps) return decls.Scope;
        var scope = new Scope(decls.Scope);
        DeclareTypeParams(tps, scope);
        return scope;
    }

    public static void DeclareTypeParams(FieldList? tps, Scope scope)
    {
        if (tps is null) return;
        foreach (var f in tps.List)
            foreach (var n in f.Names ?? [])
                scope.Declare(new GoObject { Kind = ObjectKind.LocalType, Name = n.Name, Declaration = n });
    }

    // ---- fields and methods ----

    /// <summary>A field found through selector x.f: its type and the named struct that declares it.</summary>
    public readonly record struct FieldRef(NamedType Struct, Ident Name, GoType? Type);

    /// <summary>Field <paramref name="name"/> of a (pointer to a) named struct type, following embedded structs.</summary>
    public FieldRef? Field(GoType? t, string name)
    {
        if (t is PointerType p) t = p.Elem;
        if (t is not NamedType n) return null;
        var queue = new Queue<(NamedType Type, int Depth)>();
        queue.Enqueue((n, 0));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var (type, depth) = queue.Dequeue();
            if (!seen.Add(type.Name) || depth > 4) continue;
            if (Underlying(type) is not StructGoType st) continue;
            var scope = TypeParamScope(type.Spec);
            FieldRef? found = null;
            int hits = 0;
            foreach (var f in st.Syntax.Fields.List)
            {
                if (f.Names is { Count: > 0 })
                {
                    foreach (var id in f.Names)
                        if (id.Name == name) { found = new FieldRef(type, id, TypeOfTypeExpr(f.Type, scope)); hits++; }
                }
                else if (TypeOfTypeExpr(f.Type, scope) is { } embedded)
                {
                    var et = embedded is PointerType ep ? ep.Elem : embedded;
                    if (et is NamedType en)
                    {
                        if (en.Name == name) hits++; // the embedded field itself: not a map field we track
                        else queue.Enqueue((en, depth + 1));
                    }
                }
            }
            if (hits == 1 && found is not null) return found;
            if (hits > 0) return null;
        }
        return null;
    }

    /// <summary>The method declaration for x.m when x's type is a (pointer to a) package type.</summary>
    public FuncDecl? Method(GoType? t, string name)
    {
        if (t is PointerType p) t = p.Elem;
        return t is NamedType n ? decls.Method(n.Name, name) : null;
    }

    // ---- value expressions ----

    /// <summary>The type of the i-th name of a var spec: declared, or inferred from its value.</summary>
    public GoType? TypeOfSpecValue(ValueSpec v, int i, Scope scope)
    {
        if (v.Type is not null) return TypeOfTypeExpr(v.Type, scope);
        if (v.Values is null) return null;
        if (v.Values.Count == v.Names.Count) return TypeOf(v.Values[i], scope);
        return v.Values.Count == 1 ? MultiValue(v.Values[0], scope, v.Names.Count)?.ElementAtOrDefault(i) : null;
    }

    /// <summary>
    /// Types of a multi-valued expression (calls with several results, v, ok forms), or null.
    /// </summary>
    public IReadOnlyList<GoType?>? MultiValue(Expr e, Scope scope, int count)
    {
        e = Unparen(e);
        switch (e)
        {
            case IndexExpr ix when count == 2 && AsMap(TypeOf(ix.X, scope)) is { } m: return [m.Value, BasicType.Bool];
            case TypeAssertExpr ta when count == 2: return [TypeOfTypeExpr(ta.Type, scope), BasicType.Bool];
            case UnaryExpr { Op: Token.ARROW } when count == 2: return [null, BasicType.Bool];
            case CallExpr call when Signature(call, scope) is { } sig:
                var results = Results(sig, scope);
                return results.Count == count ? results : null;
            default: return null;
        }
    }

    public GoType? TypeOf(Expr? e, Scope scope)
    {
        if (e is null) return null;
        if (_exprTypes.TryGetValue(e, out var cached)) return cached;
        if (++_depth > MaxDepth) { _depth--; return null; }
        GoType? t;
        try { t = Compute(e, scope); }
        finally { _depth--; }
        _exprTypes[e] = t;
        return t;
    }

    private GoType? Compute(Expr e, Scope scope)
    {
        switch (e)
        {
            case ParenExpr paren: return TypeOf(paren.X, scope);
            case Ident id:
                var o = scope.Lookup(id.Name);
                if (o is null) return null;
                return o.IsVariable ? o.Type : o.Kind == ObjectKind.Func && o.Func is { } fd ? new FuncGoType(fd.Type) : null;
            case BasicLit lit:
                return lit.Kind switch { Token.STRING => BasicType.String, Token.INT => BasicType.Int, Token.FLOAT => BasicType.Float, Token.CHAR => BasicType.Rune, _ => null };
            case CompositeLit c: return c.Type is null ? null : TypeOfTypeExpr(c.Type, scope);
            case FuncLit f: return new FuncGoType(f.Type);
            case UnaryExpr { Op: Token.AND } u: return new PointerType(TypeOf(u.X, scope));
            case UnaryExpr { Op: Token.NOT }: return BasicType.Bool;
            case UnaryExpr { Op: Token.ARROW }: return null;
            case UnaryExpr u: return TypeOf(u.X, scope);
            case StarExpr s: return Underlying(TypeOf(s.X, scope)) is PointerType p ? p.Elem : null;
            case BinaryExpr b:
                if (b.Op is Token.EQL or Token.NEQ or Token.LSS or Token.LEQ or Token.GTR or Token.GEQ or Token.LAND or Token.LOR) return BasicType.Bool;
                if (b.Op is Token.SHL or Token.SHR) return TypeOf(b.X, scope);
                return TypeOf(b.X, scope) ?? TypeOf(b.Y, scope);
            case IndexExpr ix:
                var xt = Underlying(TypeOf(ix.X, scope));
                return xt switch
                {
                    MapGoType m => m.Value,
                    SliceGoType s => s.Elem,
                    PointerType { Elem: var pe } when Underlying(pe) is SliceGoType { IsArray: true } arr => arr.Elem,
                    BasicType { Name: "string" } => BasicType.Byte,
                    _ => null,
                };
            case SliceExpr se:
                var st = Underlying(TypeOf(se.X, scope));
                return st switch
                {
                    SliceGoType { IsArray: false } => TypeOf(se.X, scope),
                    SliceGoType arr => new SliceGoType(arr.Elem, false),
                    BasicType { Name: "string" } => TypeOf(se.X, scope),
                    _ => null,
                };
            case TypeAssertExpr ta: return TypeOfTypeExpr(ta.Type, scope);
            case SelectorExpr sel:
                if (sel.X is Ident pkg && scope.Lookup(pkg.Name) is { Kind: ObjectKind.Import }) return null;
                var recv = TypeOf(sel.X, scope);
                if (Field(recv, sel.Sel.Name) is { } field) return field.Type;
                return Method(recv, sel.Sel.Name) is { } md ? new FuncGoType(md.Type) : null;
            case CallExpr call: return TypeOfCall(call, scope);
            default: return null;
        }
    }

    private GoType? TypeOfCall(CallExpr call, Scope scope)
    {
        var fun = Unparen(call.Fun);
        if (fun is Ident id && scope.Lookup(id.Name) is null)
        {
            switch (id.Name) // builtins, unless shadowed
            {
                case "make" when call.Args.Count > 0: return TypeOfTypeExpr(call.Args[0], scope);
                case "new" when call.Args.Count == 1: return new PointerType(TypeOfTypeExpr(call.Args[0], scope));
                case "append" when call.Args.Count > 0: return TypeOf(call.Args[0], scope);
                case "len" or "cap" or "copy": return BasicType.Int;
                case "string": return BasicType.String;
            }
            if (BasicType.IsPredeclared(id.Name)) return new BasicType(id.Name);
            return null;
        }
        // conversions: T(x), (*T)(x), []byte(x), map[K]V(x)
        if (fun is ArrayType or MapType or StarExpr or FuncType or ChanType or InterfaceType)
            return call.Args.Count == 1 ? TypeOfTypeExpr(fun, scope) : null;
        if (fun is Ident tn && scope.Lookup(tn.Name) is { Kind: ObjectKind.TypeName or ObjectKind.LocalType })
            return TypeOfTypeExpr(tn, scope);
        if (fun is IndexExpr or IndexListExpr && TypeOfTypeExpr(fun, scope) is NamedType generic) return generic;
        if (Signature(call, scope) is { } sig)
        {
            var results = Results(sig, scope);
            return results.Count == 1 ? results[0] : null;
        }
        return null;
    }

    /// <summary>The signature of a call's callee when syntax shows it: a package func, a method of a package type, a func-typed value.</summary>
    public FuncType? Signature(CallExpr call, Scope scope)
    {
        var fun = Unparen(call.Fun);
        if (fun is IndexExpr gi) fun = gi.X; // explicit instantiation f[T](...)
        if (fun is IndexListExpr gl) fun = gl.X;
        return Underlying(TypeOf(fun, scope)) is FuncGoType f ? f.Syntax : null;
    }

    private List<GoType?> Results(FuncType sig, Scope scope)
    {
        var list = new List<GoType?>();
        if (sig.Results is null) return list;
        var s = decls.DeclSignatures.Contains(sig) ? decls.Scope : scope;
        if (sig.TypeParams is { List.Count: > 0 }) { s = new Scope(scope); DeclareTypeParams(sig.TypeParams, s); }
        foreach (var f in sig.Results.List)
        {
            var t = TypeOfTypeExpr(f.Type, s);
            int n = f.Names is { Count: > 0 } ? f.Names.Count : 1;
            for (int i = 0; i < n; i++) list.Add(t);
        }
        return list;
    }

    public static Expr Unparen(Expr e)
    {
        while (e is ParenExpr p) e = p.X;
        return e;
    }
}
