using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

/// <summary>
/// Type-checks one package, like go/types but only as deep as mapscope needs: every expression gets a
/// type (Unknown where it cannot be determined), recorded in <see cref="Types"/> for the package's own
/// code. Declarations are resolved lazily, so imported packages cost only what is used.
/// </summary>
public sealed partial class Checker
{
    private readonly IImporter _importer;
    private readonly List<ParsedFile> _files;
    private readonly Dictionary<ParsedFile, Scope> _fileScopes = [];
    private readonly Dictionary<Syntax.Ast.File, ParsedFile> _parsedOf = [];
    private bool _record;

    public Package Pkg { get; }
    public CheckerOptions Options { get; }
    public string Dir { get; }

    /// <summary>Types of the value (non-type) expressions of this package's code, after <see cref="CheckBodies"/>.</summary>
    public Dictionary<Expr, Type> Types { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Expressions that denote types.</summary>
    public HashSet<Expr> TypeExprs { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Identifier -> the object it refers to (go/types' Info.Uses), after <see cref="CheckBodies"/>.</summary>
    public Dictionary<Ident, Object> Uses { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Identifier -> the variable it declares (go/types' Info.Defs): package and local variables, parameters, results.</summary>
    public Dictionary<Ident, Object> Defs { get; } = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<ParsedFile> Files => _files;

    public Checker(string importPath, string dir, IReadOnlyList<ParsedFile> files, IImporter importer, CheckerOptions? options = null)
    {
        _importer = importer;
        Options = options ?? CheckerOptions.Default;
        _files = [.. files];
        Dir = dir;
        var name = files.Count > 0 ? files[0].File.Name.Name : "";
        Pkg = new Package(importPath, name);
        foreach (var f in _files) _parsedOf[f.File] = f;
        CollectObjects();
    }

    /// <summary>Parses a package's files and collects its declarations (bodies are not checked).</summary>
    public static Checker ForSource(PackageSource src, IImporter importer, Func<string, ParsedFile>? parse = null, CheckerOptions? options = null)
    {
        var parsed = src.Files.Select(f => parse != null ? parse(f) : SourceFile.Parse(f)).ToList();
        return new Checker(src.ImportPath, src.Dir, parsed, importer, options);
    }

    /// <summary>Checks all function bodies and package-level initializers, recording expression types.</summary>
    public void CheckBodies()
    {
        _record = true;
        foreach (var pf in _files)
        {
            var scope = _fileScopes[pf];
            foreach (var decl in pf.File.Decls)
            {
                try
                {
                    switch (decl)
                    {
                        case FuncDecl fd when fd.Body != null:
                            CheckFuncBody(fd, scope);
                            break;
                        case GenDecl { Tok: Token.VAR } gd:
                            foreach (var spec in gd.Specs.OfType<ValueSpec>())
                                CheckValueSpecValues(spec, scope);
                            break;
                    }
                }
                catch (InsufficientExecutionStackException)
                {
                    // pathological nesting: the rest of this declaration stays unknown
                }
            }
        }
        _record = false;
    }

    private void Record(Expr e, Type t)
    {
        if (_record) Types[e] = t;
    }

    private void RecordUse(Ident id, Object o)
    {
        if (_record) Uses[id] = o;
    }

    private void RecordDef(Ident id, Object o)
    {
        if (_record) Defs[id] = o;
    }

    private void RecordTypeExpr(Expr e)
    {
        if (_record) TypeExprs.Add(e);
    }
}
