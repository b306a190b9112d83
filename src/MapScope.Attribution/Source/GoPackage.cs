using MapScope.Attribution.Types;
using MapScope.Attribution.Walk;

namespace MapScope.Attribution.Source;

/// <summary>
/// The files of one directory that share a package clause (with or without its _test.go files), and the
/// facts computed from them on first use: declarations, map operations, the call graph.
/// </summary>
internal sealed class GoPackage
{
    private readonly Lazy<PackageDecls> _decls;
    private readonly Lazy<PackageAnalysis> _analysis;

    public GoPackage(string name, string directory, IReadOnlyList<GoFile> files)
    {
        Name = name;
        Directory = directory;
        Files = files;
        _decls = new Lazy<PackageDecls>(() => new PackageDecls(this));
        _analysis = new Lazy<PackageAnalysis>(() => PackageWalker.Analyze(this, _decls.Value));
    }

    public string Name { get; }
    /// <summary>Relative to --source, '/'-separated ("" for the root).</summary>
    public string Directory { get; }
    public IReadOnlyList<GoFile> Files { get; }
    public PackageDecls Decls => _decls.Value;
    public PackageAnalysis Analysis => _analysis.Value;

    public GoFile? File(string relativePath) => Files.FirstOrDefault(f => f.RelativePath == relativePath);
}
