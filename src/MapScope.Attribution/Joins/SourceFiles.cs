using MapScope.Attribution.Source;

namespace MapScope.Attribution.Joins;

/// <summary>Finds the parsed file and package for a path from evidence.</summary>
internal static class SourceFiles
{
    public static (GoPackage Package, GoFile File)? Locate(SourceIndex index, string evidencePath) =>
        index.ResolveFile(evidencePath) is { } rel ? index.Load(rel) : null;

    /// <summary>
    /// A compiler position's file: "./main.go" is relative to the package directory, which the log does
    /// not record; the package import path (from "# pkg") finds it through go.mod, else by path suffix.
    /// </summary>
    public static (GoPackage Package, GoFile File)? LocateCompilerFile(SourceIndex index, string package, string file)
    {
        var clean = file.Replace('\\', '/');
        while (clean.StartsWith("./", StringComparison.Ordinal)) clean = clean[2..];
        if (Path.IsPathRooted(file) || clean.StartsWith("../", StringComparison.Ordinal)) return Locate(index, clean);
        if (index.DirectoryOfImportPath(package) is { } dir)
        {
            var rel = dir.Length == 0 ? clean : dir + "/" + clean;
            if (SafePaths.FullPathIfSafe(index.Root, rel) is not null && index.Load(rel) is { } hit) return hit;
        }
        return package.Contains('/') || package.Contains('.') ? Locate(index, package + "/" + clean) : Locate(index, clean);
    }
}
