using System.Collections.Concurrent;
using MapScope.Evidence.Pprof;
using MapScope.Syntax;

namespace MapScope.Attribution.Source;

/// <summary>
/// The Go source tree given as --source: resolves file paths recorded in evidence to files under it, and
/// loads the package a file belongs to (every .go file of its directory with the same package clause,
/// parsed in parallel, once). Nothing outside the root is ever read.
/// </summary>
public sealed class SourceIndex
{
    private readonly SourceTree _tree;
    private readonly string? _modulePath;
    private readonly ConcurrentDictionary<string, Lazy<GoFile[]>> _directories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Dir, string Name, bool Tests), GoPackage> _packages = new();

    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    public SourceIndex(string root)
    {
        _tree = new SourceTree(root);
        _modulePath = ModuleFile.ReadModulePath(Path.Combine(_tree.Root, "go.mod"));
    }

    public string Root => _tree.Root;

    /// <summary>The module path from the root's go.mod, if any.</summary>
    public string? ModulePath => _modulePath;

    /// <summary>
    /// The file an evidence path names, relative to the root ('/'-separated), or null when it is not under
    /// the root, is ambiguous, or is not a readable Go file. Paths under the root's module path
    /// (-trimpath builds: "example.com/shop/cache/cache.go") map directly; others by longest path suffix.
    /// </summary>
    public string? ResolveFile(string evidencePath)
    {
        var path = evidencePath.Replace('\\', '/');
        if (!path.EndsWith(".go", StringComparison.Ordinal)) return null;
        if (_modulePath is { } module)
        {
            var rel = path == module ? null : path.StartsWith(module + "/", StringComparison.Ordinal) ? path[(module.Length + 1)..] : null;
            if (rel is not null && SafePaths.FullPathIfSafe(Root, rel) is not null) return rel;
        }
        var match = _tree.Resolve(path);
        if (match is null) return null;
        return SafePaths.FullPathIfSafe(Root, match.RelativePath) is null ? null : match.RelativePath;
    }

    /// <summary>
    /// The directory holding Go package <paramref name="importPath"/> (as a compiler's "# pkg" header
    /// names it) when the root's go.mod proves it, else null.
    /// </summary>
    public string? DirectoryOfImportPath(string importPath)
    {
        if (_modulePath is not { } module) return null;
        if (importPath == module) return "";
        if (importPath.StartsWith(module + "/", StringComparison.Ordinal))
        {
            var rel = importPath[(module.Length + 1)..];
            return Directory.Exists(Path.Combine(Root, rel)) ? rel : null;
        }
        return null;
    }

    /// <summary>The file at <paramref name="relativePath"/> with the package it belongs to; null if unreadable.</summary>
    internal (GoPackage Package, GoFile File)? Load(string relativePath)
    {
        int slash = relativePath.LastIndexOf('/');
        var dir = slash < 0 ? "" : relativePath[..slash];
        var files = _directories.GetOrAdd(dir, d => new Lazy<GoFile[]>(() => ParseDirectory(d))).Value;
        var file = files.FirstOrDefault(f => f.RelativePath == relativePath);
        if (file is null) return null;
        var key = (dir, file.PackageName, file.IsTest);
        var package = _packages.GetOrAdd(key, k => new GoPackage(k.Name, k.Dir,
            files.Where(f => f.PackageName == k.Name && (k.Tests || !f.IsTest)).ToList()));
        return (package, file);
    }

    private GoFile[] ParseDirectory(string dir)
    {
        var full = dir.Length == 0 ? Root : Path.Combine(Root, dir);
        var inputs = new List<(string Rel, byte[] Source)>();
        IEnumerable<string> names;
        try { names = Directory.EnumerateFiles(full, "*.go").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
        foreach (var name in names)
        {
            var rel = dir.Length == 0 ? name : dir + "/" + name;
            if (SafePaths.FullPathIfSafe(Root, rel) is not { } path) continue;
            try
            {
                if (new FileInfo(path).Length > SafePaths.MaxFileBytes) continue;
                inputs.Add((rel, File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        var parsed = GoParser.ParseFiles(inputs.Select(i => (i.Rel, i.Source)).ToList());
        return parsed.Select((p, i) => new GoFile(p, inputs[i].Rel)).ToArray();
    }
}
