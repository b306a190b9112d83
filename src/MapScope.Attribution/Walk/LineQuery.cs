using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;

namespace MapScope.Attribution.Walk;

/// <summary>
/// The map operations on one source line, narrowed to the function the evidence names when several
/// functions (a closure and its parent) share the line.
/// </summary>
internal static class LineQuery
{
    public static List<MapOp> Operations(GoPackage package, GoFile file, int line, string? function)
    {
        var onLine = package.Analysis.Ops.Where(op => op.File == file && op.OnLine(line)).ToList();
        if (onLine.Count == 0 || string.IsNullOrEmpty(function)) return onLine;

        var local = FunctionNames.Local(function);
        var unit = onLine.Select(op => op.Unit).Distinct()
            .SelectMany(u => Ancestors(u))
            .FirstOrDefault(u => FunctionNames.LocalOf(u, package.Name) == local);
        if (unit is null) return onLine; // names differ across Go versions (closures, inlining): keep every candidate
        var own = onLine.Where(op => op.Unit == unit).ToList();
        return own.Count > 0 ? own : onLine.Where(op => op.Unit.IsWithin(unit)).ToList();
    }

    private static IEnumerable<FunctionUnit> Ancestors(FunctionUnit u)
    {
        for (var x = u; x != null; x = x.Parent) yield return x;
    }
}
