using MapScope.Attribution.Source;
using MapScope.Attribution.Walk;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Types;

/// <summary>
/// The package-level declarations of one package (vars, consts, types, funcs, methods) and each file's
/// imports. A name declared twice (files for different build tags) resolves to nothing: never a guess.
/// </summary>
internal sealed class PackageDecls
{
    private readonly Dictionary<string, List<FuncDecl>> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pointerReceivers = new(StringComparer.Ordinal);
    private readonly Dictionary<GoFile, Scope> _fileScopes = [];

    public PackageDecls(GoPackage package)
    {
        Package = package;
        Scope = new Scope(null);
        Types = new TypeResolver(this);
        foreach (var file in package.Files)
        {
            foreach (var decl in file.Parsed.File.Decls)
            {
                switch (decl)
                {
                    case GenDecl g: DeclareGen(file, g); break;
                    case FuncDecl f when f.Recv is { List.Count: > 0 } recv:
                        DeclSignatures.Add(f.Type);
                        var (baseName, pointer) = ReceiverBase(recv.List[0].Type);
                        if (baseName is null) break;
                        if (pointer) _pointerReceivers.Add(baseName);
                        var key = baseName + "." + f.Name.Name;
                        if (!_methods.TryGetValue(key, out var list)) _methods[key] = list = [];
                        list.Add(f);
                        break;
                    case FuncDecl f when f.Name.Name is not ("init" or "_"):
                        DeclSignatures.Add(f.Type);
                        Declare(new GoObject { Kind = ObjectKind.Func, Name = f.Name.Name, Declaration = f.Name, File = file, Func = f });
                        break;
                }
            }
        }
        foreach (var file in package.Files)
        {
            var scope = new Scope(Scope);
            foreach (var imp in file.Parsed.File.Imports)
            {
                var path = imp.Path.Value.Trim('"', '`');
                var name = imp.Name?.Name ?? path[(path.LastIndexOf('/') + 1)..];
                if (name is "_" or ".") continue;
                scope.Declare(new GoObject { Kind = ObjectKind.Import, Name = name, Declaration = imp.Name, File = file, ImportPath = path });
            }
            _fileScopes[file] = scope;
        }
    }

    public GoPackage Package { get; }
    /// <summary>The package block.</summary>
    public Scope Scope { get; }
    public TypeResolver Types { get; }
    /// <summary>Signatures of declared funcs and methods: their types resolve in the package block, not at the call site.</summary>
    public HashSet<FuncType> DeclSignatures { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The file block (imports) of a file, whose parent is the package block.</summary>
    public Scope FileScope(GoFile file) => _fileScopes[file];

    /// <summary>The one method <paramref name="name"/> of type <paramref name="typeName"/>, or null (none, or declared twice).</summary>
    public FuncDecl? Method(string typeName, string name) =>
        _methods.TryGetValue(typeName + "." + name, out var list) && list.Count == 1 ? list[0] : null;

    /// <summary>True when some method of the type has a pointer receiver: Go programmers then name its fields (*T).f.</summary>
    public bool HasPointerMethods(string typeName) => _pointerReceivers.Contains(typeName);

    public static (string? Name, bool Pointer) ReceiverBase(Expr? type)
    {
        bool pointer = false;
        while (true)
        {
            switch (type)
            {
                case ParenExpr p: type = p.X; continue;
                case StarExpr s: pointer = true; type = s.X; continue;
                case IndexExpr i: type = i.X; continue;
                case IndexListExpr il: type = il.X; continue;
                case Ident id: return (id.Name, pointer);
                default: return (null, pointer);
            }
        }
    }

    private void DeclareGen(GoFile file, GenDecl g)
    {
        foreach (var spec in g.Specs)
        {
            switch (spec)
            {
                case TypeSpec t:
                    Declare(new GoObject { Kind = ObjectKind.TypeName, Name = t.Name.Name, Declaration = t.Name, File = file, NamedType = new NamedType(t.Name.Name, t) });
                    break;
                case ValueSpec v when g.Tok == Token.VAR:
                    for (int i = 0; i < v.Names.Count; i++)
                    {
                        var obj = new GoObject { Kind = ObjectKind.PackageVar, Name = v.Names[i].Name, Declaration = v.Names[i], File = file };
                        var (spec1, index) = (v, i);
                        obj.WithLazyType(() => Types.TypeOfSpecValue(spec1, index, FileScope(file)));
                        Declare(obj);
                    }
                    break;
                case ValueSpec c:
                    foreach (var n in c.Names) Declare(new GoObject { Kind = ObjectKind.Const, Name = n.Name, Declaration = n, File = file });
                    break;
            }
        }
    }

    private void Declare(GoObject o)
    {
        if (o.Name == "_") return;
        if (Scope.LookupLocal(o.Name) is { } existing)
        {
            if (existing.Kind != ObjectKind.Ambiguous)
                Scope.Declare(new GoObject { Kind = ObjectKind.Ambiguous, Name = o.Name });
            return;
        }
        Scope.Declare(o);
    }
}
