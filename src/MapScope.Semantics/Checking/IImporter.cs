using MapScope.Semantics.Types;
using MapScope.Syntax;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

/// <summary>Finds an imported package's declarations; null when the import cannot be resolved.</summary>
public interface IImporter
{
    /// <summary>The package for an import path as written in a file of package <paramref name="fromDir"/>.</summary>
    Package? Import(string path, string fromDir);
}

/// <summary>One package's source: its import path, directory and the files that form it.</summary>
public sealed record PackageSource(string ImportPath, string Dir, IReadOnlyList<string> Files);

/// <summary>
/// Imports packages from source: each imported package's declarations are collected on first use and
/// their types resolved lazily, only as far as a using package needs them. Not thread-safe.
/// </summary>
public sealed class SourceImporter(Func<string, string, PackageSource?> resolve, Func<string, ParsedFile>? parse = null) : IImporter
{
    private readonly Dictionary<string, Checker?> _checkers = new(StringComparer.Ordinal);

    /// <summary>The options every package imported through this importer is checked with.</summary>
    public CheckerOptions Options { get; init; } = CheckerOptions.Default;

    /// <summary>The checker of a package, creating it on first use (its declarations collected, bodies unchecked).</summary>
    public Checker? CheckerFor(string path, string fromDir)
    {
        Import(path, fromDir);
        var src = resolve(path, fromDir);
        return src != null && _checkers.TryGetValue(src.ImportPath, out var c) ? c : null;
    }

    public Package? Import(string path, string fromDir)
    {
        if (path == "unsafe") return Universe.Unsafe;
        if (path == "C") return CgoPackage;
        var src = resolve(path, fromDir);
        if (src == null) return null;
        if (!_checkers.TryGetValue(src.ImportPath, out var checker))
        {
            _checkers[src.ImportPath] = null; // import cycle guard
            checker = Checker.ForSource(src, this, parse, Options);
            _checkers[src.ImportPath] = checker;
        }
        return checker?.Pkg;
    }

    /// <summary>import "C": a package of unknowns.</summary>
    public static readonly Package CgoPackage = new("C", "C");
}
