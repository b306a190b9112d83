using MapScope.Attribution.Source;
using MapScope.Attribution.Walk;

namespace MapScope.Attribution.Joins;

/// <summary>
/// Joins compiler escape-analysis positions to the source: the make or literal at a position and the
/// variable or field it is stored in; the map of a map operation (a leak's "at"); whether an indexed
/// store X[k] = v is really a map store.
/// </summary>
public sealed class EscapeJoin(SourceIndex index)
{
    /// <summary>The map made at the position (compiler column: make's '(' or a literal's '{').</summary>
    public MapFacts? AtAllocation(string package, string file, int line, int column)
    {
        if (SourceFiles.LocateCompilerFile(index, package, file) is not var (pkg, goFile)) return null;
        var op = Pick(pkg, goFile, line, column, MapOpKind.MakeMap, MapOpKind.MapLiteral);
        return op is null ? null : FactsBuilder.ForCreation(pkg, op);
    }

    /// <summary>The map written or read by the operation at the position (the compiler points at '[' or '=').</summary>
    public MapFacts? AtMapOperation(string package, string file, int line, int column)
    {
        if (SourceFiles.LocateCompilerFile(index, package, file) is not var (pkg, goFile)) return null;
        var op = Pick(pkg, goFile, line, column, MapOpKind.Insert, MapOpKind.Read);
        return op is null ? null : FactsBuilder.ForAccess(pkg, op);
    }

    /// <summary>
    /// For "X[k] = v (assign)": true when X is provably a map, false when it is provably a slice, array or
    /// string, null when the source cannot tell.
    /// </summary>
    public bool? IsMapStore(string package, string file, int line, int column)
    {
        if (SourceFiles.LocateCompilerFile(index, package, file) is not var (pkg, goFile)) return null;
        if (Pick(pkg, goFile, line, column, MapOpKind.Insert) is not null) return true;
        var stores = pkg.Analysis.IndexStores.Where(s => s.File == goFile && s.OnLine(line)).ToList();
        var exact = stores.Where(s => s.At(line, column)).ToList();
        var relevant = exact.Count > 0 ? exact : stores;
        return relevant.Count > 0 && relevant.All(s => s.ProvenNotMap) ? false : null;
    }

    /// <summary>The operation of one of the kinds at the exact position, else the only one on the line.</summary>
    private static MapOp? Pick(GoPackage pkg, GoFile file, int line, int column, params MapOpKind[] kinds)
    {
        var onLine = pkg.Analysis.Ops.Where(op => op.File == file && kinds.Contains(op.Kind) && op.OnLine(line)).ToList();
        var exact = onLine.Where(op => op.At(line, column)).ToList();
        if (exact.Count == 1) return exact[0];
        return exact.Count == 0 && onLine.Count == 1 ? onLine[0] : null;
    }
}
