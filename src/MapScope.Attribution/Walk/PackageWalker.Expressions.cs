using MapScope.Attribution.Joins;
using MapScope.Attribution.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Walk;

internal sealed partial class PackageWalker
{
    /// <summary>
    /// Records the map operations inside an expression. <paramref name="dest"/> says where the value goes
    /// (so a make or literal can be named after the variable it is assigned to); <paramref name="implied"/>
    /// is the type of an element literal whose type is elided ({...} inside map[K]map[K2]V{...}).
    /// </summary>
    private void VisitExpr(Expr? e, Destination dest = default, GoType? implied = null)
    {
        if (e is null || _nesting > MaxNesting) return;
        _nesting++;
        try
        {
            switch (e)
            {
                case ParenExpr p: VisitExpr(p.X, dest); break;
                case Ident id: Reference(id); break;
                case FuncLit lit: VisitFuncLit(lit, calledByParent: true); break;
                case CompositeLit c: CompositeLiteral(c, dest, implied); break;
                case UnaryExpr u: VisitExpr(u.X, u.Op == Token.AND ? dest : default, u.Op == Token.AND && implied is PointerType pt ? pt.Elem : null); break;
                case StarExpr s: VisitExpr(s.X); break;
                case BinaryExpr b: VisitExpr(b.X); VisitExpr(b.Y); break;
                case KeyValueExpr kv: VisitExpr(kv.Key); VisitExpr(kv.Value); break;
                case CallExpr call: Call(call, dest); break;
                case IndexExpr ix:
                    if (_types.AsMap(_types.TypeOf(ix.X, _scope)) is not null)
                        AddOp(MapOpKind.Read, ix, [ix.Lbrack, ix.Pos], MapRefOf(ix.X));
                    VisitExpr(ix.X);
                    VisitExpr(ix.Index);
                    break;
                case IndexListExpr il: VisitExpr(il.X); break;
                case SliceExpr se: VisitExpr(se.X); VisitExpr(se.Low); VisitExpr(se.High); VisitExpr(se.Max); break;
                case TypeAssertExpr ta: VisitExpr(ta.X); break;
                case SelectorExpr sel:
                    if (sel.X is Ident pkg && _scope.Lookup(pkg.Name) is { Kind: ObjectKind.Import }) break;
                    VisitExpr(sel.X);
                    // a method value (s.handle) may be called by whoever receives it
                    if (_types.Method(_types.TypeOf(sel.X, _scope), sel.Sel.Name) is { } m && _declUnits.TryGetValue(m, out var mu)) _unit.Calls.Add(mu);
                    break;
            }
        }
        finally { _nesting--; }
    }

    /// <summary>A package function named anywhere in a body may be called from it (directly or as a value).</summary>
    private void Reference(Ident id)
    {
        if (_scope.Lookup(id.Name) is { Kind: ObjectKind.Func, Func: { } f } && _declUnits.TryGetValue(f, out var u)) _unit.Calls.Add(u);
    }

    private void CompositeLiteral(CompositeLit c, Destination dest, GoType? implied)
    {
        var type = c.Type is not null ? _types.TypeOfTypeExpr(c.Type, _scope) : implied;
        var under = _types.Underlying(type);
        if (under is MapGoType map)
        {
            AddOp(MapOpKind.MapLiteral, c, [c.Lbrace, c.Pos], null, dest);
            foreach (var elt in c.Elts)
            {
                if (elt is KeyValueExpr kv)
                {
                    VisitExpr(kv.Key, default, map.Key);
                    VisitExpr(kv.Value, new Destination(null, "value in a map literal"), map.Value);
                }
                else VisitExpr(elt);
            }
            return;
        }
        if (under is StructGoType && type is NamedType named)
        {
            foreach (var elt in c.Elts)
            {
                if (elt is KeyValueExpr { Key: Ident field } kv && _types.Field(named, field.Name) is { } f)
                {
                    var fieldDest = _types.IsMap(f.Type) ? new Destination(FieldRef(f), null) : default;
                    VisitExpr(kv.Value, fieldDest, f.Type);
                }
                else VisitExpr(elt);
            }
            return;
        }
        var elem = under is SliceGoType s ? s.Elem : null;
        foreach (var elt in c.Elts)
        {
            if (elt is KeyValueExpr kv) { VisitExpr(kv.Key); VisitExpr(kv.Value, default, elem); }
            else VisitExpr(elt, default, elem);
        }
    }

    private MapRef FieldRef(TypeResolver.FieldRef f)
    {
        var key = "field:" + f.Struct.Name + "." + f.Name.Name;
        if (_refs.TryGetValue(key, out var known)) return known;
        var owner = _decls.HasPointerMethods(f.Struct.Name) ? $"(*{_package.Name}.{f.Struct.Name})" : $"{_package.Name}.{f.Struct.Name}";
        var declFile = _decls.Scope.LookupLocal(f.Struct.Name)?.File;
        return _refs[key] = WithBuckets(new MapRef(key, Evidence.Pprof.MapOwnerKind.Field, $"{owner}.{f.Name.Name}", f.Name.Name, declFile, f.Name.Pos, Describe(f.Type)), f.Type);
    }

    /// <summary>
    /// True when evaluating the value allocates on this line: &amp;T{}, slice or map literals, make, new,
    /// append, conversions to string or slices, string concatenation with a literal, closures.
    /// </summary>
    private bool Allocates(Expr value)
    {
        value = TypeResolver.Unparen(value);
        switch (value)
        {
            case UnaryExpr { Op: Token.AND, X: CompositeLit }: return true;
            case CompositeLit c:
                return _types.Underlying(c.Type is null ? null : _types.TypeOfTypeExpr(c.Type, _scope)) is MapGoType or SliceGoType { IsArray: false };
            case FuncLit: return true;
            case BinaryExpr { Op: Token.ADD } b:
                return b.X is BasicLit { Kind: Token.STRING } || b.Y is BasicLit { Kind: Token.STRING } || Allocates(b.X) || Allocates(b.Y)
                    || _types.TypeOf(b, _scope) is BasicType { Name: "string" };
            case CallExpr call:
                var fun = TypeResolver.Unparen(call.Fun);
                if (fun is Ident id && _scope.Lookup(id.Name) is null)
                    return id.Name is "make" or "new" or "append" or "string";
                return fun is ArrayType;
            default: return false;
        }
    }
}
