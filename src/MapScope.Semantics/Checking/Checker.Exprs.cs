using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using Array = MapScope.Semantics.Types.Array;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

/// <summary>An evaluated operand: a value of a type, or a type itself.</summary>
internal readonly record struct Operand(Type Type, bool IsType, Builtin? Builtin = null);

// Expressions: the type of every value expression, recorded for the package's own code.
public sealed partial class Checker
{
    private readonly Dictionary<string, Named> _instances = new(StringComparer.Ordinal);

    private Type Instantiate(Type gen, List<Type> args) => gen switch
    {
        Named { TypeParams.Count: > 0 } n => Generics.Instantiate(n, args, _instances),
        Alias { TypeParams.Count: > 0 } a => Generics.InstantiateAlias(a, args, _instances, Options.Aliases),
        _ => UnknownType.Instance,
    };

    /// <summary>Evaluates e as an expression or a type (call targets, selector bases, builtin arguments).</summary>
    private Operand ExprOrType(Expr e, Scope scope)
    {
        switch (e)
        {
            case Ident id:
                switch (scope.Lookup(id.Name))
                {
                    case TypeName tn:
                        RecordTypeExpr(e);
                        return new Operand(tn.Type, true);
                    case Builtin b:
                        return new Operand(UnknownType.Instance, false, b);
                }
                break;
            case SelectorExpr { X: Ident p } sel when scope.Lookup(p.Name) is PkgName pn:
                switch (pn.Imported?.Scope.LookupLocal(sel.Sel.Name))
                {
                    case TypeName tn:
                        RecordTypeExpr(e);
                        return new Operand(tn.Type, true);
                    case Builtin b:
                        return new Operand(UnknownType.Instance, false, b);
                }
                break;
            case ParenExpr paren:
                var inner = ExprOrType(paren.X, scope);
                if (inner.IsType) RecordTypeExpr(e);
                else if (inner.Builtin == null) Record(e, inner.Type);
                return inner;
            case StarExpr star:
                var x = ExprOrType(star.X, scope);
                if (x.IsType)
                {
                    RecordTypeExpr(e);
                    return new Operand(new Pointer(x.Type), true);
                }
                var deref = Deref(x.Type);
                Record(e, deref);
                return new Operand(deref, false);
            case ArrayType or MapType or ChanType or FuncType or StructType or InterfaceType:
                return new Operand(TypeOf(e, scope), true);
            case IndexExpr or IndexListExpr:
                var baseExpr = e is IndexExpr ix ? ix.X : ((IndexListExpr)e).X;
                var b0 = ExprOrType(baseExpr, scope);
                if (b0.IsType)
                {
                    var args = e is IndexExpr ix2 ? [TypeOf(ix2.Index, scope)] : ((IndexListExpr)e).Indices.Select(a => TypeOf(a, scope)).ToList();
                    RecordTypeExpr(e);
                    return new Operand(Instantiate(b0.Type, args), true);
                }
                return new Operand(IndexValue(e, b0.Type, scope, 1), false);
        }
        return new Operand(ExprType(e, scope, null), false);
    }

    private static Type Deref(Type t) => t.Underlying is Pointer p ? p.Elem : UnknownType.Instance;

    /// <summary>The type of a value expression; <paramref name="expected"/> types untyped composite literals.</summary>
    private Type ExprType(Expr e, Scope scope, Type? expected)
    {
        // deeply nested code stops the declaration being checked, never the process
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var t = ExprTypeCore(e, scope, expected);
        Record(e, t);
        return t;
    }

    private Type ExprTypeCore(Expr e, Scope scope, Type? expected)
    {
        switch (e)
        {
            case Ident id:
                if (id.Name == "_") return UnknownType.Instance;
                var obj = scope.Lookup(id.Name);
                if (obj != null) RecordUse(id, obj);
                return obj switch
                {
                    Var v => v.Type,
                    Const c => c.Type,
                    Func f => f.Signature,
                    Nil => Universe.UntypedNil,
                    _ => UnknownType.Instance,
                };
            case BasicLit lit:
                return lit.Kind switch
                {
                    Token.INT => Universe.UntypedInt,
                    Token.FLOAT => Universe.UntypedFloat,
                    Token.IMAG => Universe.UntypedComplex,
                    Token.CHAR => Universe.UntypedRune,
                    _ => Universe.UntypedString,
                };
            case FuncLit fl:
                var sig = (Signature)TypeOf(fl.Type, scope);
                CheckBody(fl.Type, fl.Body, scope, null);
                return sig;
            case CompositeLit cl:
                return CompositeLiteral(cl, scope, expected);
            case ParenExpr p:
                return ExprType(p.X, scope, expected);
            case SelectorExpr sel:
                return Selector(sel, scope);
            case IndexExpr or IndexListExpr:
                var baseOp = ExprOrType(e is IndexExpr ix ? ix.X : ((IndexListExpr)e).X, scope);
                if (baseOp.IsType) return UnknownType.Instance;
                return IndexValue(e, baseOp.Type, scope, 1);
            case SliceExpr s:
                var xt = ExprType(s.X, scope, null);
                foreach (var part in new[] { s.Low, s.High, s.Max })
                    if (part != null) ExprType(part, scope, null);
                return xt.Underlying switch
                {
                    Basic { Kind: BasicKind.String } => xt,
                    Basic { Kind: BasicKind.UntypedString } => Universe.String,
                    Slice => xt,
                    Array a => new Slice(a.Elem),
                    Pointer { Elem: var pe } when pe.Underlying is Array pa => new Slice(pa.Elem),
                    _ => UnknownType.Instance,
                };
            case TypeAssertExpr ta:
                ExprType(ta.X, scope, null);
                return ta.Type != null ? TypeOf(ta.Type, scope) : UnknownType.Instance;
            case CallExpr call:
                return Call(call, scope, 1);
            case StarExpr star:
                var op = ExprOrType(star, scope);
                return op.IsType ? UnknownType.Instance : op.Type;
            case UnaryExpr u:
                switch (u.Op)
                {
                    case Token.AND:
                        var elemExpected = expected?.Underlying is Pointer ep ? ep.Elem : null;
                        return new Pointer(ExprType(u.X, scope, elemExpected));
                    case Token.ARROW:
                        return ExprType(u.X, scope, null).Underlying is Chan ch ? ch.Elem : UnknownType.Instance;
                    case Token.NOT:
                        return ExprType(u.X, scope, null);
                    default:
                        return ExprType(u.X, scope, expected);
                }
            case BinaryExpr b:
                var lt = ExprType(b.X, scope, null);
                var rt = ExprType(b.Y, scope, null);
                if (b.Op is Token.EQL or Token.NEQ or Token.LSS or Token.LEQ or Token.GTR or Token.GEQ) return Universe.UntypedBool;
                if (b.Op is Token.SHL or Token.SHR) return lt;
                if (lt is Basic { IsUntyped: true } && rt is not Basic { IsUntyped: true }) return rt;
                if (lt is Basic { IsUntyped: true } lb && rt is Basic { IsUntyped: true } rb) return lb.Kind >= rb.Kind ? lb : rb;
                return lt;
            case KeyValueExpr kv:
                ExprType(kv.Key, scope, null);
                ExprType(kv.Value, scope, null);
                return UnknownType.Instance;
            case ArrayType or MapType or ChanType or FuncType or StructType or InterfaceType:
                TypeOf(e, scope);
                return UnknownType.Instance;
            default:
                return UnknownType.Instance;
        }
    }

    private Type Selector(SelectorExpr sel, Scope scope)
    {
        if (sel.X is Ident p && scope.Lookup(p.Name) is PkgName pn)
        {
            return pn.Imported?.Scope.LookupLocal(sel.Sel.Name) switch
            {
                Var v => v.Type,
                Const c => c.Type,
                Func f => f.Signature,
                _ => UnknownType.Instance,
            };
        }
        var x = ExprOrType(sel.X, scope);
        var (obj, t) = Lookup.FieldOrMethod(x.Type, sel.Sel.Name, _instances);
        if (x.IsType && obj is Func && t is Signature ms)
        {
            // method expression T.m: the receiver becomes the first parameter
            var recv = new Var("", null, -1, x.Type);
            return new Signature(null, [], new Tuple([recv, .. ms.Params.Vars]), ms.Results, ms.Variadic);
        }
        if (obj is Func && t is Signature s2) return new Signature(null, [], s2.Params, s2.Results, s2.Variadic);
        return obj == null ? UnknownType.Instance : t;
    }

    /// <summary>x[i] for maps, slices, arrays, strings; or instantiation of a generic function.</summary>
    private Type IndexValue(Expr e, Type xt, Scope scope, int want)
    {
        if (xt is Signature { TypeParams.Count: > 0 } gsig)
        {
            var args = e is IndexExpr ix ? [TypeOf(ix.Index, scope)] : ((IndexListExpr)e).Indices.Select(a => TypeOf(a, scope)).ToList();
            var inst = (Signature)Generics.Subst(gsig, Generics.Bind(gsig.TypeParams, args), _instances);
            Record(e, inst);
            return inst;
        }
        if (e is not IndexExpr index) return UnknownType.Instance;
        var u = CoreType(xt);
        Type result;
        switch (u)
        {
            case Map m:
                ExprType(index.Index, scope, m.Key);
                result = m.Elem;
                if (want == 2)
                {
                    var tuple = new Tuple([new Var("", null, -1, result), new Var("", null, -1, Universe.UntypedBool)]);
                    Record(e, tuple);
                    return tuple;
                }
                break;
            case Slice s:
                ExprType(index.Index, scope, null);
                result = s.Elem;
                break;
            case Array a:
                ExprType(index.Index, scope, null);
                result = a.Elem;
                break;
            case Pointer { Elem: var pe } when pe.Underlying is Array pa:
                ExprType(index.Index, scope, null);
                result = pa.Elem;
                break;
            case Basic { Kind: BasicKind.String or BasicKind.UntypedString }:
                ExprType(index.Index, scope, null);
                result = Universe.Byte;
                break;
            default:
                ExprType(index.Index, scope, null);
                result = UnknownType.Instance;
                break;
        }
        Record(e, result);
        return result;
    }

    /// <summary>The underlying type, or for a type parameter the single underlying type of its constraint's terms.</summary>
    private static Type CoreType(Type t) => Generics.CoreType(t);

    private Type CompositeLiteral(CompositeLit cl, Scope scope, Type? expected)
    {
        Type t;
        if (cl.Type is ArrayType { Len: Syntax.Ast.Ellipsis } at)
        {
            RecordTypeExpr(cl.Type);
            t = new Array(TypeOf(at.Elt, scope), CountElements(cl));
        }
        else if (cl.Type != null) t = TypeOf(cl.Type, scope);
        else t = expected ?? UnknownType.Instance;
        // an elided &T{...} element: the expected type is the pointer
        if (cl.Type == null && t.Underlying is Pointer p) t = p.Elem;
        // G{...} of a generic type without type arguments is an error: its K and V are bound to nothing
        if (Generics.IsUninstantiated(t)) t = UnknownType.Instance;

        switch (CoreType(t))
        {
            case Struct st:
                for (int i = 0; i < cl.Elts.Count; i++)
                {
                    if (cl.Elts[i] is KeyValueExpr kv)
                    {
                        var field = kv.Key is Ident k ? st.Fields.FirstOrDefault(f => f.Name == k.Name) : null;
                        ExprType(kv.Value, scope, field?.Type);
                    }
                    else ExprType(cl.Elts[i], scope, i < st.Fields.Count ? st.Fields[i].Type : null);
                }
                break;
            case Map m:
                foreach (var el in cl.Elts)
                {
                    if (el is KeyValueExpr kv)
                    {
                        ElementValue(kv.Key, scope, m.Key);
                        ElementValue(kv.Value, scope, m.Elem);
                    }
                    else ElementValue(el, scope, m.Elem);
                }
                break;
            case Slice or Array:
                var elem = CoreType(t) is Slice sl ? sl.Elem : ((Array)CoreType(t)).Elem;
                foreach (var el in cl.Elts)
                {
                    if (el is KeyValueExpr kv)
                    {
                        ExprType(kv.Key, scope, null);
                        ElementValue(kv.Value, scope, elem);
                    }
                    else ElementValue(el, scope, elem);
                }
                break;
            default:
                foreach (var el in cl.Elts)
                {
                    if (el is KeyValueExpr kv)
                    {
                        if (kv.Key is not Ident) ExprType(kv.Key, scope, null);
                        ExprType(kv.Value, scope, null);
                    }
                    else ExprType(el, scope, null);
                }
                break;
        }
        return t;
    }

    /// <summary>An element of a composite literal: {...} without a type takes the element type.</summary>
    private void ElementValue(Expr e, Scope scope, Type elem) => ExprType(e, scope, elem);

    private static long CountElements(CompositeLit cl)
    {
        // [...]T{...}: the length is the largest index plus one; keyed elements with constant keys are rare
        long n = 0, i = 0;
        foreach (var el in cl.Elts)
        {
            if (el is KeyValueExpr { Key: BasicLit { Kind: Token.INT } k } && long.TryParse(k.Value, out var ki)) i = ki;
            else if (el is KeyValueExpr) return -1;
            i++;
            n = Math.Max(n, i);
        }
        return n;
    }
}
