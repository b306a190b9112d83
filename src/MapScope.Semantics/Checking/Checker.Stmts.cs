using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using Array = MapScope.Semantics.Types.Array;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

// Statements and their scopes.
public sealed partial class Checker
{
    private void CheckFuncBody(FuncDecl fd, Scope fileScope)
    {
        var scope = new Scope(fileScope);
        if (fd.Recv is { List.Count: > 0 } recv)
        {
            // receiver type parameters name the receiver type's parameters
            var rt = recv.List[0].Type;
            while (rt is StarExpr or ParenExpr) rt = rt is StarExpr s ? s.X : ((ParenExpr)rt).X;
            List<Expr> targs = rt is IndexExpr ix ? [ix.Index] : rt is IndexListExpr il ? il.Indices : [];
            var baseName = rt is IndexExpr ix2 ? ix2.X : rt is IndexListExpr il2 ? il2.X : rt;
            if (baseName is Ident bn && Pkg.Scope.LookupLocal(bn.Name) is TypeName rtn && Alias.Unalias(rtn.Type) is Named named)
            {
                for (int i = 0; i < targs.Count && i < named.TypeParams.Count; i++)
                {
                    if (targs[i] is Ident id && id.Name != "_")
                    {
                        var alias = new TypeName(id.Name, Pkg, id.Pos);
                        alias.SetType(named.TypeParams[i]);
                        scope.Insert(alias);
                    }
                }
            }
            DeclareParams(recv, scope);
        }
        if (fd.Type.TypeParams != null)
        {
            // the body sees the signature's own type parameters, as go/types: a generic function's
            // P[K, V] parameter and the same type in its body are one type
            if (fd.Recv == null && Pkg.Scope.LookupLocal(fd.Name.Name) is Func fn && fn.Pos == fd.Name.Pos
                && fn.Signature.TypeParams.Count > 0)
                foreach (var tp in fn.Signature.TypeParams) scope.Insert(tp.Obj);
            else DeclareTypeParams(fd.Type.TypeParams, scope, []);
        }
        CheckBody(fd.Type, fd.Body!, scope, scope);
    }

    /// <summary>Declares a function's parameters and results and checks its body.</summary>
    private void CheckBody(FuncType type, BlockStmt body, Scope outer, Scope? prepared)
    {
        var scope = prepared ?? new Scope(outer);
        // parameter types are resolved before any parameter is declared: func f(url string, v url.Values)
        var declared = ParamVars(type.Params, scope);
        var results = type.Results != null ? ParamVars(type.Results, scope) : [];
        var resultTypes = type.Results == null ? [] : Params(type.Results, scope).Item1.Vars.Select(v => v.Type).ToList();
        foreach (var v in declared.Concat(results)) scope.Insert(v);
        var saved = _results;
        _results = resultTypes;
        StmtList(body.List, scope);
        _results = saved;
    }

    private List<Type> _results = [];

    private void DeclareParams(FieldList list, Scope scope)
    {
        foreach (var v in ParamVars(list, scope)) scope.Insert(v);
    }

    private List<Var> ParamVars(FieldList list, Scope scope)
    {
        var vars = new List<Var>();
        foreach (var field in list.List)
        {
            if (field.Names is not { Count: > 0 } names || field.Type == null) continue;
            Type t = field.Type is Syntax.Ast.Ellipsis { Elt: { } elt } ? new Slice(TypeOf(elt, scope)) : TypeOf(field.Type, scope);
            foreach (var n in names)
            {
                var v = new Var(n.Name, Pkg, n.Pos, t);
                RecordDef(n, v);
                vars.Add(v);
            }
        }
        return vars;
    }

    private void StmtList(List<Stmt> list, Scope scope)
    {
        foreach (var s in list) Stmt(s, scope);
    }

    private void Stmt(Stmt s, Scope scope)
    {
        switch (s)
        {
            case DeclStmt { Decl: GenDecl gd }:
                LocalDecl(gd, scope);
                break;
            case ExprStmt es:
                ExprType(es.X, scope, null);
                break;
            case SendStmt send:
                var ct = ExprType(send.Chan, scope, null);
                ExprType(send.Value, scope, ct.Underlying is Chan ch ? ch.Elem : null);
                break;
            case IncDecStmt inc:
                ExprType(inc.X, scope, null);
                break;
            case AssignStmt a:
                Assign(a, scope);
                break;
            case GoStmt g:
                ExprType(g.Call, scope, null);
                break;
            case DeferStmt d:
                ExprType(d.Call, scope, null);
                break;
            case ReturnStmt r when r.Results != null:
                if (r.Results.Count == 1 && _results.Count > 1) ExprType(r.Results[0], scope, null);
                else for (int i = 0; i < r.Results.Count; i++) ExprType(r.Results[i], scope, i < _results.Count ? _results[i] : null);
                break;
            case BlockStmt b:
                StmtList(b.List, new Scope(scope));
                break;
            case LabeledStmt l:
                Stmt(l.Stmt, scope);
                break;
            case IfStmt i:
            {
                var inner = new Scope(scope);
                if (i.Init != null) Stmt(i.Init, inner);
                ExprType(i.Cond, inner, null);
                StmtList(i.Body.List, new Scope(inner));
                if (i.Else != null) Stmt(i.Else, inner);
                break;
            }
            case SwitchStmt sw:
            {
                var inner = new Scope(scope);
                if (sw.Init != null) Stmt(sw.Init, inner);
                Type? tag = sw.Tag != null ? ExprType(sw.Tag, inner, null) : null;
                foreach (var cc in sw.Body.List.OfType<CaseClause>())
                {
                    foreach (var e in cc.List ?? []) ExprType(e, inner, tag);
                    StmtList(cc.Body, new Scope(inner));
                }
                break;
            }
            case TypeSwitchStmt ts:
                TypeSwitch(ts, scope);
                break;
            case SelectStmt sel:
                foreach (var cc in sel.Body.List.OfType<CommClause>())
                {
                    var inner = new Scope(scope);
                    if (cc.Comm != null) Stmt(cc.Comm, inner);
                    StmtList(cc.Body, inner);
                }
                break;
            case ForStmt f:
            {
                var inner = new Scope(scope);
                if (f.Init != null) Stmt(f.Init, inner);
                if (f.Cond != null) ExprType(f.Cond, inner, null);
                if (f.Post != null) Stmt(f.Post, inner);
                StmtList(f.Body.List, new Scope(inner));
                break;
            }
            case RangeStmt r:
                Range(r, scope);
                break;
        }
    }

    private void LocalDecl(GenDecl gd, Scope scope)
    {
        switch (gd.Tok)
        {
            case Token.VAR:
                foreach (var spec in gd.Specs.OfType<ValueSpec>())
                {
                    Type? declared = spec.Type != null ? TypeOf(spec.Type, scope) : null;
                    var valueTypes = ValueTypes(spec.Values, spec.Names.Count, scope, declared);
                    for (int i = 0; i < spec.Names.Count; i++)
                    {
                        var t = declared ?? Universe.Default(valueTypes[i]);
                        var v = new Var(spec.Names[i].Name, Pkg, spec.Names[i].Pos, t);
                        RecordDef(spec.Names[i], v);
                        scope.Insert(v);
                    }
                }
                break;
            case Token.CONST:
                DeclareConsts(gd, scope, scope, null);
                foreach (var spec in gd.Specs.OfType<ValueSpec>())
                    foreach (var v in spec.Values ?? []) ExprType(v, scope, null);
                break;
            case Token.TYPE:
                foreach (var spec in gd.Specs.OfType<TypeSpec>()) DeclareType(spec, scope, scope, null);
                break;
        }
    }

    private void CheckValueSpecValues(ValueSpec spec, Scope scope)
    {
        Type? declared = spec.Type != null ? TypeOf(spec.Type, scope) : null;
        ValueTypes(spec.Values, spec.Names.Count, scope, declared);
    }

    /// <summary>Types of the values assigned to n names (one tuple-valued call, or one value each).</summary>
    private List<Type> ValueTypes(List<Expr>? values, int n, Scope scope, Type? expected)
    {
        var result = new List<Type>();
        if (values == null || values.Count == 0)
        {
            for (int i = 0; i < n; i++) result.Add(UnknownType.Instance);
            return result;
        }
        if (values.Count == 1 && n > 1)
        {
            var t = MultiValue(values[0], scope, n);
            for (int i = 0; i < n; i++) result.Add(TupleElement(t, i));
            return result;
        }
        foreach (var v in values) result.Add(ExprType(v, scope, expected));
        while (result.Count < n) result.Add(UnknownType.Instance);
        return result;
    }

    private void Assign(AssignStmt a, Scope scope)
    {
        if (a.Tok == Token.DEFINE)
        {
            var types = ValueTypes(a.Rhs, a.Lhs.Count, scope, null);
            for (int i = 0; i < a.Lhs.Count; i++)
            {
                if (a.Lhs[i] is not Ident id || id.Name == "_") continue;
                if (scope.LookupLocal(id.Name) is { } existing)
                {
                    RecordUse(id, existing); // redeclared: keeps its variable
                    continue;
                }
                var v = new Var(id.Name, Pkg, id.Pos, Universe.Default(types[i]));
                RecordDef(id, v);
                scope.Insert(v);
            }
            return;
        }
        var lhsTypes = a.Lhs.Select(l => ExprType(l, scope, null)).ToList();
        if (a.Rhs.Count == 1 && a.Lhs.Count > 1) MultiValue(a.Rhs[0], scope, a.Lhs.Count);
        else for (int i = 0; i < a.Rhs.Count; i++) ExprType(a.Rhs[i], scope, i < lhsTypes.Count && a.Tok == Token.ASSIGN ? lhsTypes[i] : null);
    }

    private void TypeSwitch(TypeSwitchStmt ts, Scope scope)
    {
        var inner = new Scope(scope);
        if (ts.Init != null) Stmt(ts.Init, inner);
        Ident? symbol = null;
        Expr? guard = null;
        switch (ts.Assign)
        {
            case AssignStmt { Lhs.Count: 1, Rhs.Count: 1 } a when a.Lhs[0] is Ident id && a.Rhs[0] is TypeAssertExpr ta:
                symbol = id;
                guard = ta.X;
                break;
            case ExprStmt { X: TypeAssertExpr ta2 }:
                guard = ta2.X;
                break;
        }
        var xt = guard != null ? ExprType(guard, inner, null) : UnknownType.Instance;
        foreach (var cc in ts.Body.List.OfType<CaseClause>())
        {
            var clause = new Scope(inner);
            Type? single = null;
            int count = 0;
            foreach (var e in cc.List ?? [])
            {
                count++;
                if (e is Ident { Name: "nil" } && inner.Lookup("nil") is Nil)
                {
                    Record(e, Universe.UntypedNil);
                    single = null;
                }
                else single = TypeOf(e, inner);
            }
            if (symbol != null && symbol.Name != "_")
                clause.Insert(new Var(symbol.Name, Pkg, symbol.Pos, count == 1 && single != null ? single : xt));
            StmtList(cc.Body, clause);
        }
    }

    private void Range(RangeStmt r, Scope scope)
    {
        var xt = ExprType(r.X, scope, null);
        Type key = UnknownType.Instance, value = UnknownType.Instance;
        switch (CoreType(xt))
        {
            case Map m: key = m.Key; value = m.Elem; break;
            case Slice s: key = Universe.Int; value = s.Elem; break;
            case Array a: key = Universe.Int; value = a.Elem; break;
            case Pointer { Elem: var pe } when pe.Underlying is Array pa: key = Universe.Int; value = pa.Elem; break;
            case Basic { Kind: BasicKind.String or BasicKind.UntypedString }: key = Universe.Int; value = Universe.Rune; break;
            case Basic { IsInteger: true } b: key = b.IsUntyped ? Universe.Int : xt; break;
            case Chan c: key = c.Elem; break;
            case Signature { Params.Count: 1 } sig when sig.Params[0].Underlying is Signature yield:
                if (yield.Params.Count > 0) key = yield.Params[0];
                if (yield.Params.Count > 1) value = yield.Params[1];
                break;
        }
        var body = new Scope(scope);
        if (r.Tok == Token.DEFINE)
        {
            if (r.Key is Ident k && k.Name != "_") DeclareRangeVar(k, key, body);
            if (r.Value is Ident v && v.Name != "_") DeclareRangeVar(v, value, body);
        }
        else
        {
            if (r.Key != null) ExprType(r.Key, scope, null);
            if (r.Value != null) ExprType(r.Value, scope, null);
        }
        StmtList(r.Body.List, body);
    }

    private void DeclareRangeVar(Ident id, Type t, Scope body)
    {
        var v = new Var(id.Name, Pkg, id.Pos, t);
        RecordDef(id, v);
        body.Insert(v);
    }
}
