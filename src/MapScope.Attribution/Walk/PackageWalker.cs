using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Attribution.Types;
using MapScope.Evidence.Pprof;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Walk;

/// <summary>
/// Walks every function of a package once with Go's block scoping, recording the map operations whose
/// operand is provably a map, the functions each function may call, and the goroutine entry points.
/// Split by concern: statements and scopes here, expressions in .Expressions, calls in .Calls.
/// </summary>
internal sealed partial class PackageWalker
{
    // Deeper nesting than this is not walked (hostile input); nothing is guessed about what is skipped.
    private const int MaxNesting = 400;

    private readonly GoPackage _package;
    private readonly PackageDecls _decls;
    private readonly TypeResolver _types;
    private readonly List<FunctionUnit> _units = [];
    private readonly List<MapOp> _ops = [];
    private readonly List<EntryPoint> _entries = [];
    private readonly List<IndexStore> _indexStores = [];
    private readonly Dictionary<FuncDecl, FunctionUnit> _declUnits = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, MapRef> _refs = [];
    private readonly FunctionUnit _init;

    private GoFile _file = null!;
    private FunctionUnit _unit;
    private Scope _scope;
    private int _nesting;

    private PackageWalker(GoPackage package, PackageDecls decls)
    {
        _package = package;
        _decls = decls;
        _types = decls.Types;
        _init = new FunctionUnit { GoName = package.Name + ".init" };
        _units.Add(_init);
        _unit = _init;
        _scope = decls.Scope;
    }

    public static PackageAnalysis Analyze(GoPackage package, PackageDecls decls)
    {
        var w = new PackageWalker(package, decls);
        w.Run();
        return new PackageAnalysis(w._units, w._ops, w._entries, w._indexStores);
    }

    private void Run()
    {
        int initCount = 0;
        foreach (var file in _package.Files)
            foreach (var decl in file.Parsed.File.Decls)
                if (decl is FuncDecl f)
                {
                    var (recv, pointer) = f.Recv is { List.Count: > 0 } r ? PackageDecls.ReceiverBase(r.List[0].Type) : (null, false);
                    var local = f.Name.Name == "init" && f.Recv is null ? $"init.{initCount++}"
                        : recv is null ? f.Name.Name : pointer ? $"(*{recv}).{f.Name.Name}" : $"{recv}.{f.Name.Name}";
                    var unit = new FunctionUnit { GoName = _package.Name + "." + local, Node = f, File = file, ReceiverType = recv, DeclName = f.Name.Name };
                    _declUnits[f] = unit;
                    _units.Add(unit);
                }

        _entries.Add(new EntryPoint(EntryKind.Init, _init, null, -1));
        foreach (var file in _package.Files)
        {
            _file = file;
            foreach (var decl in file.Parsed.File.Decls)
            {
                switch (decl)
                {
                    case GenDecl { Tok: Syntax.Token.VAR } g:
                        _unit = _init;
                        _scope = _decls.FileScope(file);
                        foreach (var spec in g.Specs.OfType<ValueSpec>()) PackageVarValues(spec);
                        break;
                    case FuncDecl f when f.Body is not null:
                        WalkFuncDecl(f, _declUnits[f]);
                        break;
                }
            }
        }
    }

    private void PackageVarValues(ValueSpec spec)
    {
        if (spec.Values is null) return;
        for (int i = 0; i < spec.Values.Count; i++)
        {
            var dest = spec.Values.Count == spec.Names.Count && _decls.Scope.LookupLocal(spec.Names[i].Name) is { Kind: ObjectKind.PackageVar } o
                ? DestinationOf(o) : default;
            VisitExpr(spec.Values[i], dest);
        }
    }

    private void WalkFuncDecl(FuncDecl f, FunctionUnit unit)
    {
        var (savedUnit, savedScope) = (_unit, _scope);
        _unit = unit;
        _scope = new Scope(_decls.FileScope(_file));
        if (f.Recv is { List.Count: > 0 } recv)
        {
            // receiver type parameters: func (l *List[T]) ...
            var rt = recv.List[0].Type;
            while (rt is StarExpr or ParenExpr) rt = rt is StarExpr s ? s.X : ((ParenExpr)rt).X;
            if (rt is IndexExpr { Index: Ident tp }) _scope.Declare(new GoObject { Kind = ObjectKind.LocalType, Name = tp.Name, Declaration = tp });
            if (rt is IndexListExpr il) foreach (var x in il.Indices.OfType<Ident>()) _scope.Declare(new GoObject { Kind = ObjectKind.LocalType, Name = x.Name, Declaration = x });
            DeclareParams(recv);
        }
        TypeResolver.DeclareTypeParams(f.Type.TypeParams, _scope);
        DeclareParams(f.Type.Params);
        DeclareParams(f.Type.Results);
        WalkStmts(f.Body!.List);
        if (unit.DeclName == "main" && unit.ReceiverType is null && _package.Name == "main")
            _entries.Add(new EntryPoint(EntryKind.Main, unit, _file, f.Pos));
        else if (unit.DeclName == "init" && unit.ReceiverType is null)
            _entries.Add(new EntryPoint(EntryKind.Init, unit, _file, f.Pos));
        else if (unit.DeclName == "ServeHTTP" && unit.ReceiverType is not null && f.Type.Params.NumFields() == 2)
            _entries.Add(new EntryPoint(EntryKind.HttpHandler, unit, _file, f.Pos));
        (_unit, _scope) = (savedUnit, savedScope);
    }

    private void DeclareParams(FieldList? list)
    {
        if (list is null) return;
        foreach (var field in list.List)
        {
            var type = _types.TypeOfTypeExpr(field.Type, _scope);
            foreach (var name in field.Names ?? [])
                _scope.Declare(new GoObject { Kind = ObjectKind.Param, Name = name.Name, Declaration = name, File = _file, Owner = _unit }.WithType(type));
        }
    }

    /// <summary>A closure: a new frame named after its parent, run by the parent unless started with go.</summary>
    private FunctionUnit VisitFuncLit(FuncLit lit, bool calledByParent)
    {
        var parent = _unit;
        int n = ++parent.ClosureCount;
        var name = parent == _init ? $"{_package.Name}.glob..func{n}"
            : parent.Node is FuncLit ? $"{parent.GoName}.{n}" : $"{parent.GoName}.func{n}";
        var unit = new FunctionUnit { GoName = name, Node = lit, File = _file, Parent = parent };
        _units.Add(unit);
        if (calledByParent) parent.Calls.Add(unit);
        var saved = (_unit, _scope);
        _unit = unit;
        _scope = new Scope(_scope);
        DeclareParams(lit.Type.Params);
        DeclareParams(lit.Type.Results);
        WalkStmts(lit.Body.List);
        (_unit, _scope) = saved;
        return unit;
    }

    // ---- statements ----

    private void WalkStmts(List<Stmt> list)
    {
        foreach (var s in list) WalkStmt(s);
    }

    private void InScope(Action body)
    {
        var saved = _scope;
        _scope = new Scope(_scope);
        try { body(); }
        finally { _scope = saved; }
    }

    private void WalkStmt(Stmt? s)
    {
        if (s is null || _nesting > MaxNesting) return;
        _nesting++;
        try
        {
            switch (s)
            {
                case ExprStmt e: VisitExpr(e.X); break;
                case AssignStmt a: Assign(a); break;
                case IncDecStmt inc: StoreInto(inc.X, inc.TokPos, null); break;
                case DeclStmt { Decl: GenDecl g }: LocalDecl(g); break;
                case GoStmt g: GoStatement(g); break;
                case DeferStmt d: VisitExpr(d.Call); break;
                case ReturnStmt r:
                    foreach (var x in r.Results ?? []) VisitExpr(x, new Destination(null, $"returned from {_unit.GoName}"));
                    break;
                case BlockStmt b: InScope(() => WalkStmts(b.List)); break;
                case IfStmt i: InScope(() => { WalkStmt(i.Init); VisitExpr(i.Cond); WalkStmt(i.Body); WalkStmt(i.Else); }); break;
                case ForStmt f: InScope(() => { WalkStmt(f.Init); VisitExpr(f.Cond); WalkStmt(f.Post); WalkStmt(f.Body); }); break;
                case RangeStmt r: Range(r); break;
                case SwitchStmt sw:
                    InScope(() =>
                    {
                        WalkStmt(sw.Init);
                        VisitExpr(sw.Tag);
                        foreach (var c in sw.Body.List.OfType<CaseClause>())
                        {
                            foreach (var x in c.List ?? []) VisitExpr(x);
                            InScope(() => WalkStmts(c.Body));
                        }
                    });
                    break;
                case TypeSwitchStmt ts: TypeSwitch(ts); break;
                case SelectStmt sel:
                    foreach (var c in sel.Body.List.OfType<CommClause>())
                        InScope(() => { WalkStmt(c.Comm); WalkStmts(c.Body); });
                    break;
                case LabeledStmt l: WalkStmt(l.Stmt); break;
                case SendStmt send: VisitExpr(send.Chan); VisitExpr(send.Value); break;
            }
        }
        finally { _nesting--; }
    }

    private void Assign(AssignStmt a)
    {
        if (a.Tok == Syntax.Token.DEFINE)
        {
            // New names are declared after the right-hand side is evaluated (x := x + 1 reads the outer x).
            var types = RightHandTypes(a.Rhs, a.Lhs.Count);
            var fresh = new GoObject?[a.Lhs.Count];
            for (int i = 0; i < a.Lhs.Count; i++)
                if (a.Lhs[i] is Ident id && id.Name != "_" && _scope.LookupLocal(id.Name) is null)
                    fresh[i] = new GoObject { Kind = ObjectKind.LocalVar, Name = id.Name, Declaration = id, File = _file, Owner = _unit }.WithType(types[i]);
            for (int i = 0; i < a.Rhs.Count; i++)
            {
                var dest = a.Rhs.Count != a.Lhs.Count ? default
                    : fresh[i] is { } o ? DestinationOf(o)
                    : a.Lhs[i] is Ident id && _scope.Lookup(id.Name) is { IsVariable: true } existing ? DestinationOf(existing) : default;
                VisitExpr(a.Rhs[i], dest);
            }
            foreach (var o in fresh) if (o is not null) _scope.Declare(o);
            return;
        }
        bool plain = a.Tok == Syntax.Token.ASSIGN;
        for (int i = 0; i < a.Lhs.Count; i++)
        {
            var rhs = plain && a.Lhs.Count == a.Rhs.Count ? a.Rhs[i] : null;
            if (!StoreInto(a.Lhs[i], a.TokPos, rhs) && a.Lhs[i] is not Ident) VisitExpr(a.Lhs[i]);
        }
        for (int i = 0; i < a.Rhs.Count; i++)
            VisitExpr(a.Rhs[i], plain && a.Lhs.Count == a.Rhs.Count ? DestinationOfLhs(a.Lhs[i]) : default);
    }

    private GoType?[] RightHandTypes(List<Expr> rhs, int count)
    {
        var types = new GoType?[count];
        if (rhs.Count == count)
            for (int i = 0; i < count; i++) types[i] = _types.TypeOf(rhs[i], _scope);
        else if (rhs.Count == 1 && _types.MultiValue(rhs[0], _scope, count) is { } multi)
            for (int i = 0; i < count; i++) types[i] = multi[i];
        return types;
    }

    private void LocalDecl(GenDecl g)
    {
        foreach (var spec in g.Specs)
        {
            switch (spec)
            {
                case TypeSpec t:
                    _scope.Declare(new GoObject { Kind = ObjectKind.LocalType, Name = t.Name.Name, Declaration = t.Name });
                    break;
                case ValueSpec v when g.Tok == Syntax.Token.VAR:
                    var objects = v.Names.Select((n, i) => new GoObject { Kind = ObjectKind.LocalVar, Name = n.Name, Declaration = n, File = _file, Owner = _unit }
                        .WithType(_types.TypeOfSpecValue(v, i, _scope))).ToList();
                    for (int i = 0; i < (v.Values?.Count ?? 0); i++)
                        VisitExpr(v.Values![i], v.Values.Count == v.Names.Count ? DestinationOf(objects[i]) : default);
                    foreach (var o in objects) _scope.Declare(o);
                    break;
                case ValueSpec c:
                    foreach (var x in c.Values ?? []) VisitExpr(x);
                    foreach (var n in c.Names) _scope.Declare(new GoObject { Kind = ObjectKind.Const, Name = n.Name, Declaration = n });
                    break;
            }
        }
    }

    private void Range(RangeStmt r)
    {
        var xType = _types.TypeOf(r.X, _scope);
        if (_types.AsMap(xType) is not null)
            AddOp(MapOpKind.Range, r, [r.For, r.X.Pos], MapRefOf(r.X));
        VisitExpr(r.X);
        InScope(() =>
        {
            if (r.Tok == Syntax.Token.DEFINE)
            {
                var (k, v) = _types.Underlying(xType) switch
                {
                    MapGoType m => (m.Key, m.Value),
                    SliceGoType s => (BasicType.Int, s.Elem),
                    BasicType { Name: "string" } => (BasicType.Int, BasicType.Rune),
                    _ => ((GoType?)null, (GoType?)null),
                };
                if (r.Key is Ident ki) _scope.Declare(new GoObject { Kind = ObjectKind.LocalVar, Name = ki.Name, Declaration = ki, File = _file, Owner = _unit }.WithType(k));
                if (r.Value is Ident vi) _scope.Declare(new GoObject { Kind = ObjectKind.LocalVar, Name = vi.Name, Declaration = vi, File = _file, Owner = _unit }.WithType(v));
            }
            else
            {
                if (r.Key is not null && !StoreInto(r.Key, r.TokPos, null) && r.Key is not Ident) VisitExpr(r.Key);
                if (r.Value is not null && !StoreInto(r.Value, r.TokPos, null) && r.Value is not Ident) VisitExpr(r.Value);
            }
            WalkStmts(r.Body.List);
        });
    }

    private void TypeSwitch(TypeSwitchStmt ts)
    {
        InScope(() =>
        {
            WalkStmt(ts.Init);
            Ident? symbol = null;
            Expr? subject = null;
            switch (ts.Assign)
            {
                case AssignStmt { Lhs: [Ident id], Rhs: [TypeAssertExpr ta] }: symbol = id; subject = ta.X; break;
                case ExprStmt { X: TypeAssertExpr ta }: subject = ta.X; break;
            }
            VisitExpr(subject);
            foreach (var c in ts.Body.List.OfType<CaseClause>())
            {
                InScope(() =>
                {
                    if (symbol is not null && symbol.Name != "_")
                    {
                        GoType? t = c.List is [var single] && !(single is Ident { Name: "nil" }) ? _types.TypeOfTypeExpr(single, _scope) : null;
                        _scope.Declare(new GoObject { Kind = ObjectKind.LocalVar, Name = symbol.Name, Declaration = symbol, File = _file, Owner = _unit }.WithType(t));
                    }
                    WalkStmts(c.Body);
                });
            }
        });
    }

    /// <summary>
    /// The left-hand side of an assignment: m[k] = v on a map is an insert. Returns true when the target was
    /// an index expression (handled here, not a read).
    /// </summary>
    private bool StoreInto(Expr lhs, int tokPos, Expr? value)
    {
        var target = TypeResolver.Unparen(lhs);
        if (target is not IndexExpr ix) return false;
        VisitExpr(ix.X);
        VisitExpr(ix.Index);
        var xType = _types.TypeOf(ix.X, _scope);
        if (_types.AsMap(xType) is not null)
            AddOp(MapOpKind.Insert, ix, [ix.Lbrack, ix.Pos, tokPos], MapRefOf(ix.X), valueAllocates: value is not null && Allocates(value), valueBlockSize: ValueBlockSize(value));
        else
        {
            var under = _types.Underlying(xType);
            bool notMap = under is SliceGoType or BasicType { Name: "string" } || under is PointerType { Elem: var e } && _types.Underlying(e) is SliceGoType { IsArray: true };
            _indexStores.Add(new IndexStore(_file, [ix.Lbrack, ix.Pos, tokPos], notMap));
        }
        return true;
    }

    private MapOp AddOp(MapOpKind kind, Node node, int[] anchors, MapRef? map, Destination target = default, bool valueAllocates = false, long? valueBlockSize = null)
    {
        var op = new MapOp
        {
            Kind = kind, File = _file, Node = node, Anchors = anchors, Unit = _unit, Map = map,
            Target = target.Map, TargetNote = target.Note, ValueAllocates = valueAllocates, ValueBlockSize = valueBlockSize,
        };
        _ops.Add(op);
        return op;
    }

    // ---- naming maps ----

    /// <summary>Where a value is stored: a named map variable or field, or a description.</summary>
    private readonly record struct Destination(MapRef? Map, string? Note);

    private Destination DestinationOf(GoObject o) =>
        _types.IsMap(o.Type) && RefOf(o) is { } r ? new Destination(r, null) : default;

    private Destination DestinationOfLhs(Expr lhs)
    {
        lhs = TypeResolver.Unparen(lhs);
        if (lhs is IndexExpr ix && _types.AsMap(_types.TypeOf(ix.X, _scope)) is not null)
            return new Destination(null, MapRefOf(ix.X) is { } outer ? $"element of {outer.Name}" : "element of another map");
        return _types.IsMap(_types.TypeOf(lhs, _scope)) && MapRefOf(lhs) is { } r ? new Destination(r, null) : default;
    }

    /// <summary>The named map an expression denotes: a variable, a parameter, or a field reached through a value of known struct type.</summary>
    private MapRef? MapRefOf(Expr e)
    {
        e = TypeResolver.Unparen(e);
        switch (e)
        {
            case Ident id:
                return _scope.Lookup(id.Name) is { IsVariable: true } o ? RefOf(o) : null;
            case SelectorExpr sel:
                if (sel.X is Ident pkg && _scope.Lookup(pkg.Name) is { Kind: ObjectKind.Import }) return null;
                return _types.Field(_types.TypeOf(sel.X, _scope), sel.Sel.Name) is { } f ? FieldRef(f) : null;
            default:
                return null;
        }
    }

    private MapRef? RefOf(GoObject o)
    {
        if (_refs.TryGetValue(o, out var known)) return known;
        MapRef? r = o.Kind switch
        {
            ObjectKind.PackageVar => new MapRef(o, MapOwnerKind.PackageVariable, $"{_package.Name}.{o.Name}", o.Name, o.File, o.Declaration?.Pos ?? -1, Describe(o.Type)),
            ObjectKind.LocalVar => new MapRef(o, MapOwnerKind.Local, $"{o.Name} (local in {o.Owner?.GoName})", o.Name, o.File, o.Declaration?.Pos ?? -1, Describe(o.Type)),
            ObjectKind.Param => new MapRef(o, MapOwnerKind.Local, $"{o.Name} (parameter of {o.Owner?.GoName})", o.Name, o.File, o.Declaration?.Pos ?? -1, Describe(o.Type)),
            _ => null,
        };
        if (r is not null) _refs[o] = r = WithBuckets(r, o.Type);
        return r;
    }

    /// <summary>The block size of the value allocated by &amp;T{...} or new(T), when T's size is known from syntax.</summary>
    private long? ValueBlockSize(Expr? value)
    {
        var typeExpr = TypeResolver.Unparen(value ?? new BadExpr(0, 0)) switch
        {
            UnaryExpr { Op: Syntax.Token.AND, X: CompositeLit { Type: { } t } } => t,
            CallExpr { Fun: Ident { Name: "new" } fn, Args.Count: 1 } call when _scope.Lookup(fn.Name) is null => call.Args[0],
            _ => null,
        };
        if (typeExpr is null || GoSizes.OfTypeExpr(typeExpr, _types) is not var (size, _) || size == 0) return null;
        return MapBuckets.RoundUpSize(size);
    }

    /// <summary>Adds the block sizes of the map's buckets, from the sizes of its key and element types.</summary>
    private MapRef WithBuckets(MapRef r, GoType? type)
    {
        if (_types.AsMap(type) is not { } m) return r;
        if (GoSizes.Of(m.Key, _types) is not var (k, _) || GoSizes.Of(m.Value, _types) is not var (e, _)) return r;
        return new MapRef(r, MapBuckets.BlockSizes(k, e));
    }

    private static string Describe(GoType? t) => t?.ToString() ?? "?";
}
