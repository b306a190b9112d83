using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using Array = MapScope.Semantics.Types.Array;
using ChanDir = MapScope.Semantics.Types.ChanDir;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

// Type expressions: names, composite type literals, instantiations.
public sealed partial class Checker
{
    /// <summary>The type denoted by a type expression; Unknown when it does not denote one.</summary>
    public Type TypeOf(Expr e, Scope scope)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        RecordTypeExpr(e);
        switch (e)
        {
            case Ident id:
                return scope.Lookup(id.Name) is TypeName tn ? tn.Type : UnknownType.Instance;
            case SelectorExpr { X: Ident pkgIdent } sel when scope.Lookup(pkgIdent.Name) is PkgName pn:
                return pn.Imported?.Scope.LookupLocal(sel.Sel.Name) is TypeName t ? t.Type : UnknownType.Instance;
            case ParenExpr p:
                return TypeOf(p.X, scope);
            case StarExpr s:
                return new Pointer(TypeOf(s.X, scope));
            case ArrayType a when a.Len == null:
                return new Slice(TypeOf(a.Elt, scope));
            case ArrayType a:
                long len = a.Len is Syntax.Ast.Ellipsis ? -1 : ConstExpr(a.Len!, scope, 0).Value ?? -1;
                return new Array(TypeOf(a.Elt, scope), len);
            case MapType m:
                return new Map(TypeOf(m.Key, scope), TypeOf(m.Value, scope));
            case ChanType c:
                var dir = c.Dir switch
                {
                    Syntax.Ast.ChanDir.Send => ChanDir.SendOnly,
                    Syntax.Ast.ChanDir.Recv => ChanDir.RecvOnly,
                    _ => ChanDir.SendRecv,
                };
                return new Chan(dir, TypeOf(c.Value, scope));
            case FuncType ft:
                var (ps, variadic) = Params(ft.Params, scope);
                var (rs, _) = Params(ft.Results, scope);
                return new Signature(null, [], ps, rs, variadic);
            case StructType st:
                return StructOf(st, scope);
            case InterfaceType it:
                return InterfaceOf(it, scope);
            case IndexExpr ix:
                return Instantiate(TypeOf(ix.X, scope), [TypeOf(ix.Index, scope)]);
            case IndexListExpr il:
                return Instantiate(TypeOf(il.X, scope), il.Indices.Select(x => TypeOf(x, scope)).ToList());
            default:
                return UnknownType.Instance;
        }
    }

    private (Tuple, bool) Params(FieldList? list, Scope scope)
    {
        if (list == null || list.List.Count == 0) return (Tuple.Empty, false);
        var vars = new List<Var>();
        bool variadic = false;
        foreach (var field in list.List)
        {
            Type t;
            if (field.Type is Syntax.Ast.Ellipsis { Elt: { } elt })
            {
                variadic = true;
                t = new Slice(TypeOf(elt, scope));
            }
            else t = field.Type != null ? TypeOf(field.Type, scope) : UnknownType.Instance;
            if (field.Names is { Count: > 0 } names)
                foreach (var n in names) vars.Add(new Var(n.Name, Pkg, n.Pos, t));
            else vars.Add(new Var("", Pkg, field.Pos, t));
        }
        return (new Tuple(vars), variadic);
    }

    private Struct StructOf(StructType st, Scope scope)
    {
        var fields = new List<Var>();
        var tags = new List<string?>();
        foreach (var f in st.Fields.List)
        {
            var t = f.Type != null ? TypeOf(f.Type, scope) : UnknownType.Instance;
            var tag = f.Tag != null ? StringLiteral.Unquote(System.Text.Encoding.UTF8.GetBytes(f.Tag.Value)) : null;
            if (f.Names is { Count: > 0 } names)
            {
                foreach (var n in names)
                {
                    fields.Add(new Var(n.Name, Pkg, n.Pos, t) { IsField = true });
                    tags.Add(tag);
                }
            }
            else
            {
                fields.Add(new Var(EmbeddedName(f.Type), Pkg, f.Pos, t) { IsField = true, Embedded = true });
                tags.Add(tag);
            }
        }
        return new Struct(fields, tags);
    }

    /// <summary>An embedded field's name: the type name without package, pointer or type arguments.</summary>
    private static string EmbeddedName(Expr? e) => e switch
    {
        Ident id => id.Name,
        StarExpr s => EmbeddedName(s.X),
        SelectorExpr s => s.Sel.Name,
        IndexExpr ix => EmbeddedName(ix.X),
        IndexListExpr il => EmbeddedName(il.X),
        ParenExpr p => EmbeddedName(p.X),
        _ => "_",
    };

    private Interface InterfaceOf(InterfaceType it, Scope scope)
    {
        var iface = new Interface();
        foreach (var f in it.Methods.List)
        {
            if (f.Names is { Count: > 0 } names && f.Type is FuncType ft)
            {
                var (ps, variadic) = Params(ft.Params, scope);
                var (rs, _) = Params(ft.Results, scope);
                foreach (var n in names)
                {
                    var m = new Func(n.Name, Pkg, n.Pos);
                    m.SetSignature(new Signature(null, [], ps, rs, variadic));
                    iface.Methods.Add(m);
                }
            }
            else if (f.Type is BinaryExpr { Op: Token.OR } or UnaryExpr { Op: Token.TILDE })
            {
                iface.Unions.Add(Terms(f.Type, scope).ToArray());
            }
            else if (f.Type != null)
            {
                iface.Embeddeds.Add(TypeOf(f.Type, scope));
            }
        }
        return iface;
    }
}
