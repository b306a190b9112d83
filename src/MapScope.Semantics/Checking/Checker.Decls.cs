using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

// Package-level declarations: collected eagerly as objects, their types resolved on first use.
public sealed partial class Checker
{
    private void CollectObjects()
    {
        var methods = new List<(FuncDecl Decl, Scope Scope, string File)>();
        foreach (var pf in _files)
        {
            var fileScope = new Scope(Pkg.Scope);
            _fileScopes[pf] = fileScope;
            foreach (var decl in pf.File.Decls)
            {
                switch (decl)
                {
                    case GenDecl { Tok: Token.IMPORT } gd:
                        foreach (var spec in gd.Specs.OfType<ImportSpec>()) DeclareImport(spec, fileScope);
                        break;
                    case GenDecl { Tok: Token.CONST } gd:
                        DeclareConsts(gd, fileScope, Pkg.Scope, pf.Path);
                        break;
                    case GenDecl { Tok: Token.VAR } gd:
                        foreach (var spec in gd.Specs.OfType<ValueSpec>()) DeclareVars(spec, fileScope, Pkg.Scope, pf.Path, packageLevel: true);
                        break;
                    case GenDecl { Tok: Token.TYPE } gd:
                        foreach (var spec in gd.Specs.OfType<TypeSpec>()) DeclareType(spec, fileScope, Pkg.Scope, pf.Path);
                        break;
                    case FuncDecl fd when fd.Recv != null:
                        methods.Add((fd, fileScope, pf.Path));
                        break;
                    case FuncDecl fd:
                        var fn = new Func(fd.Name.Name, Pkg, fd.Name.Pos) { File = pf.Path };
                        var scope = fileScope;
                        fn.Resolve = () => FuncSignature(fd, scope, null);
                        if (fd.Name.Name != "init") Pkg.Scope.Insert(fn);
                        break;
                }
            }
        }
        foreach (var (fd, scope, file) in methods) DeclareMethod(fd, scope, file);
    }

    private void DeclareImport(ImportSpec spec, Scope fileScope)
    {
        var path = StringLiteral.Unquote(System.Text.Encoding.UTF8.GetBytes(spec.Path.Value));
        if (string.IsNullOrEmpty(path)) return;
        var importer = _importer;
        var dir = Dir;
        var lazy = new Lazy<Package?>(() => importer.Import(path, dir), LazyThreadSafetyMode.None);
        var name = spec.Name?.Name ?? GuessPackageName(path);
        if (name == "_") return;
        if (name == ".")
        {
            // dot import: the package's exported names join the file scope
            if (lazy.Value is { } p)
                foreach (var o in p.Scope.Objects)
                    if (IsExported(o.Name)) fileScope.Insert(o);
            return;
        }
        fileScope.Insert(new PkgName(name, lazy, spec.Pos, path));
    }

    /// <summary>The name a package is imported under without an explicit name (its last path element, minus version suffixes).</summary>
    internal static string GuessPackageName(string path)
    {
        var parts = path.Split('/');
        var last = parts[^1];
        if (parts.Length > 1 && last.Length >= 2 && last[0] == 'v' && last[1..].All(char.IsAsciiDigit)) last = parts[^2];
        int dot = last.IndexOf(".v", StringComparison.Ordinal);
        if (dot > 0 && last[(dot + 2)..].All(char.IsAsciiDigit)) last = last[..dot];
        if (last.StartsWith("go-", StringComparison.Ordinal)) last = last[3..];
        return last.Replace('-', '_').Replace('.', '_');
    }

    internal static bool IsExported(string name) => name.Length > 0 && char.IsUpper(name[0]);

    private void DeclareConsts(GenDecl gd, Scope lookup, Scope into, string? file)
    {
        ValueSpec? last = null;
        for (int iota = 0; iota < gd.Specs.Count; iota++)
        {
            if (gd.Specs[iota] is not ValueSpec spec) continue;
            // a spec without values repeats the previous spec's type and values
            var source = spec.Values is { Count: > 0 } || spec.Type != null ? spec : last ?? spec;
            if (spec.Values is { Count: > 0 }) last = spec;
            for (int i = 0; i < spec.Names.Count; i++)
            {
                var c = new Const(spec.Names[i].Name, Pkg, spec.Names[i].Pos) { File = file };
                int index = i, iotaValue = iota;
                var typeExpr = source.Type;
                var values = source.Values;
                c.Resolve = () =>
                {
                    Type? declared = typeExpr != null ? TypeOf(typeExpr, lookup) : null;
                    if (values == null || index >= values.Count) return (declared ?? UnknownType.Instance, null);
                    var (t, v) = ConstExpr(values[index], lookup, iotaValue);
                    return (declared ?? t, v);
                };
                into.Insert(c);
            }
        }
    }

    private void DeclareVars(ValueSpec spec, Scope lookup, Scope into, string? file, bool packageLevel)
    {
        for (int i = 0; i < spec.Names.Count; i++)
        {
            var v = new Var(spec.Names[i].Name, Pkg, spec.Names[i].Pos) { File = file, IsPackageLevel = packageLevel };
            int index = i;
            v.Resolve = () => VarSpecType(spec, index, lookup);
            Defs[spec.Names[i]] = v; // collected before bodies are checked, so recorded unconditionally
            into.Insert(v);
        }
    }

    private Type VarSpecType(ValueSpec spec, int index, Scope scope)
    {
        if (spec.Type != null) return TypeOf(spec.Type, scope);
        var values = spec.Values;
        if (values == null || values.Count == 0) return UnknownType.Instance;
        bool saved = _record;
        _record = false;
        try
        {
            if (values.Count == spec.Names.Count) return Universe.Default(ExprType(values[index], scope, null));
            if (values.Count == 1) return TupleElement(MultiValue(values[0], scope, spec.Names.Count), index);
            return UnknownType.Instance;
        }
        finally
        {
            _record = saved;
        }
    }

    private void DeclareType(TypeSpec spec, Scope lookup, Scope into, string? file)
    {
        var tn = new TypeName(spec.Name.Name, Pkg, spec.Name.Pos) { File = file };
        into.Insert(tn);
        if (spec.Assign >= 0 && spec.TypeParams == null && !Options.Aliases)
        {
            tn.Resolve = () => TypeOf(spec.Type, lookup);
            return;
        }
        if (spec.Assign >= 0)
        {
            // kept as an alias type; a generic alias is one even without Options.Aliases, so that its
            // instances can expand to the aliased type (Instantiate)
            var alias = new Alias(tn);
            var aliasScope = lookup;
            if (spec.TypeParams != null)
            {
                aliasScope = new Scope(lookup);
                DeclareTypeParams(spec.TypeParams, aliasScope, alias.TypeParams);
            }
            alias.Resolve = () => TypeOf(spec.Type, aliasScope);
            tn.SetType(alias);
            return;
        }
        var named = new Named(tn);
        var scope = lookup;
        if (spec.TypeParams != null)
        {
            scope = new Scope(lookup);
            DeclareTypeParams(spec.TypeParams, scope, named.TypeParams);
        }
        named.Resolve = () => TypeOf(spec.Type, scope);
        tn.SetType(named);
    }

    /// <summary>Declares the type parameters of a list in scope; constraints resolve lazily.</summary>
    private void DeclareTypeParams(FieldList list, Scope scope, List<TypeParam> into)
    {
        foreach (var field in list.List)
        {
            foreach (var name in field.Names ?? [])
            {
                var tn = new TypeName(name.Name, Pkg, name.Pos);
                var tp = new TypeParam(tn, into.Count);
                tn.SetType(tp);
                scope.Insert(tn);
                into.Add(tp);
                var constraint = field.Type;
                if (constraint != null) tp.Constraint = new LazyType(() => ConstraintOf(constraint, scope));
            }
        }
    }

    private Type ConstraintOf(Expr e, Scope scope)
    {
        // a bare union or ~T is shorthand for interface{ ... }
        if (e is BinaryExpr { Op: Token.OR } or UnaryExpr { Op: Token.TILDE })
        {
            var it = new Interface();
            it.Unions.Add(Terms(e, scope).ToArray());
            return it;
        }
        return TypeOf(e, scope);
    }

    private IEnumerable<Term> Terms(Expr e, Scope scope) => e switch
    {
        BinaryExpr { Op: Token.OR } b => Terms(b.X, scope).Concat(Terms(b.Y, scope)),
        UnaryExpr { Op: Token.TILDE } u => [new Term(true, TypeOf(u.X, scope))],
        _ => [new Term(false, TypeOf(e, scope))],
    };

    private void DeclareMethod(FuncDecl fd, Scope fileScope, string file)
    {
        var fn = new Func(fd.Name.Name, Pkg, fd.Name.Pos) { File = file };
        var recvType = fd.Recv!.List.Count > 0 ? fd.Recv.List[0].Type : null;
        // the receiver's base type name: T, *T, T[K, V], *T[K, V]
        var baseExpr = recvType;
        while (baseExpr is StarExpr or ParenExpr)
            baseExpr = baseExpr is StarExpr s ? s.X : ((ParenExpr)baseExpr).X;
        List<Expr> recvTypeArgs = [];
        if (baseExpr is IndexExpr ix)
        {
            recvTypeArgs = [ix.Index];
            baseExpr = ix.X;
        }
        else if (baseExpr is IndexListExpr il)
        {
            recvTypeArgs = il.Indices;
            baseExpr = il.X;
        }
        if (baseExpr is not Ident baseName || Pkg.Scope.LookupLocal(baseName.Name) is not TypeName tn || Alias.Unalias(tn.Type) is not Named named)
        {
            fn.Resolve = () => FuncSignature(fd, fileScope, null);
            return;
        }
        fn.Resolve = () =>
        {
            // receiver type parameters name the type's own parameters
            var scope = fileScope;
            if (recvTypeArgs.Count > 0)
            {
                scope = new Scope(fileScope);
                for (int i = 0; i < recvTypeArgs.Count && i < named.TypeParams.Count; i++)
                {
                    if (recvTypeArgs[i] is Ident id && id.Name != "_")
                    {
                        var alias = new TypeName(id.Name, Pkg, id.Pos);
                        alias.SetType(named.TypeParams[i]);
                        scope.Insert(alias);
                    }
                }
            }
            return FuncSignature(fd, scope, named);
        };
        named.Methods.Add(fn);
    }

    private Signature FuncSignature(FuncDecl fd, Scope scope, Named? recvNamed)
    {
        var tparams = new List<TypeParam>();
        if (fd.Type.TypeParams != null)
        {
            scope = new Scope(scope);
            DeclareTypeParams(fd.Type.TypeParams, scope, tparams);
        }
        Var? recv = null;
        if (fd.Recv is { List.Count: > 0 } r)
        {
            var rt = r.List[0].Type is { } te ? TypeOf(te, scope) : UnknownType.Instance;
            recv = new Var(r.List[0].Names is { Count: > 0 } n ? n[0].Name : "", Pkg, r.List[0].Pos, rt);
        }
        var (ps, variadic) = Params(fd.Type.Params, scope);
        var (rs, _) = Params(fd.Type.Results, scope);
        return new Signature(recv, tparams, ps, rs, variadic);
    }
}

/// <summary>A type computed on first use (for constraints that may refer to later declarations).</summary>
internal sealed class LazyType(Func<Type> compute) : Type
{
    private Type? _value;
    private bool _busy;

    public Type Value
    {
        get
        {
            if (_value != null) return _value;
            if (_busy) return UnknownType.Instance;
            _busy = true;
            _value = compute();
            _busy = false;
            return _value;
        }
    }

    public override Type Underlying => Value.Underlying;
}
