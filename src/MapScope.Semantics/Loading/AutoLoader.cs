namespace MapScope.Semantics.Loading;

/// <summary>
/// `--loader auto`: the go command when it is installed, the directory loader otherwise — and also when the
/// go command fails as a whole: a go line newer than the local go (Go 1.19 rejects `go 1.26.3`; a newer go
/// with GOTOOLCHAIN=local refuses it), a toolchain line, no go.mod, inconsistent vendoring, a GOPATH-era
/// repository (where go list -e only says no main module holds the patterns). The fallback leaves one note saying why. Packages whose dependencies are not downloaded are
/// not a reason to fall back: go list still selects their files and resolves everything else (the directory
/// loader could not find the missing modules either), and the missing imports become unresolved.
/// Patterns that point into a module nested below a working directory that is not inside it (`mapscope lint
/// ./examples/...` from a repository root), which the go command refuses, are loaded from that module's
/// root, as if the user had changed into it.
/// </summary>
public sealed class AutoLoader(IPackageLoader? primary = null, IPackageLoader? fallback = null) : IPackageLoader
{
    private readonly IPackageLoader _primary = primary ?? (GoCommand.Path != null ? new GoListLoader() : new DirectoryLoader());
    private readonly IPackageLoader? _fallback = fallback ?? (primary is null && GoCommand.Path is null ? null : new DirectoryLoader());

    public LoadResult Load(IReadOnlyList<string> patterns, LoadOptions options)
    {
        var result = LoadNested(_primary, patterns, options);
        if (_fallback is null) return result;
        if (result.ToolFailure is { } why)
        {
            var fromTree = LoadNested(_fallback, patterns, options);
            return fromTree with { Notes = [$"go list failed ({why}); loaded packages from the directory tree instead", .. fromTree.Notes] };
        }
        // go list -e exits 0 when no main module holds the patterns (a GOPATH-era repository without go.mod):
        // then the directory tree is tried too, and kept only if it finds what go list did not.
        if (result.Errors.Count > 0 && !result.Packages.Any(p => !p.DepOnly))
        {
            var fromTree = LoadNested(_fallback, patterns, options);
            if (fromTree.Packages.Any(p => !p.DepOnly))
                return fromTree with { Notes = [$"go list found no packages ({string.Join("; ", result.Errors)}); loaded packages from the directory tree instead", .. fromTree.Notes] };
        }
        return result;
    }

    private static LoadResult LoadNested(IPackageLoader loader, IReadOnlyList<string> patterns, LoadOptions options)
    {
        var first = loader.Load(patterns, options);
        if (first.Packages.Count > 0 || patterns.Count != 1) return first;
        if (NestedModule(patterns[0], options.WorkingDirectory) is not var (root, pattern)) return first;
        var second = loader.Load([pattern], options with { WorkingDirectory = root });
        return second.Packages.Count > 0 ? second : first;
    }
    /// <summary>The root of the module holding a relative directory pattern, and the pattern relative to that root.</summary>
    internal static (string Root, string Pattern)? NestedModule(string pattern, string cwd)
    {
        bool recursive = pattern.EndsWith("/...", StringComparison.Ordinal) || pattern == "...";
        var dirPart = recursive ? pattern[..^3].TrimEnd('/') : pattern;
        if (dirPart.Length == 0) dirPart = ".";
        if (!(dirPart == "." || dirPart.StartsWith("./", StringComparison.Ordinal) || dirPart.StartsWith("../", StringComparison.Ordinal) || Directory.Exists(Path.Combine(cwd, dirPart))))
            return null;
        var dir = Path.GetFullPath(dirPart, cwd);
        if (!Directory.Exists(dir)) return null;
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "go.mod")))
            {
                var rel = Path.GetRelativePath(d.FullName, dir).Replace('\\', '/');
                var inner = rel == "." ? "." : "./" + rel;
                return (d.FullName, recursive ? (inner == "." ? "./..." : inner + "/...") : inner);
            }
            if (string.Equals(d.FullName.TrimEnd('/'), Path.GetFullPath(cwd).TrimEnd('/'), StringComparison.Ordinal) && d.FullName != dir) break;
        }
        return null;
    }
}
