using MapScope.Attribution.Joins;

namespace MapScope.Reports.Source;

/// <summary>
/// Plain-text lines for what --source says about a map, shared by the crash and escape reports.
/// <c>path</c> turns a path relative to --source into the path shown to the user.
/// </summary>
public static class MapFactsText
{
    public static string Kind(MapDeclaration m) => m.Kind switch
    {
        Evidence.Pprof.MapOwnerKind.PackageVariable => "package variable",
        Evidence.Pprof.MapOwnerKind.Field => "struct field",
        Evidence.Pprof.MapOwnerKind.Local => "local",
        _ => "map",
    };

    public static string Declaration(MapDeclaration m, Func<string, string> path) =>
        $"{m.Name}{(m.Kind == Evidence.Pprof.MapOwnerKind.Local ? "" : ", " + Kind(m))} of type {m.Type}, declared at {(m.File is null ? "?" : $"{path(m.File)}:{m.Line}:{m.Column}")}";

    public static string Access(MapAccess a, Func<string, string> path) =>
        $"{path(a.File)}:{a.Line}:{a.Column}: {a.OperationId}{(a.IsWrite ? " (write)" : a.Operation == MapOpKind.Read ? "" : " (read)")} in {a.Function}";

    public static string Reach(MapAccess a, Func<string, string> path) =>
        a.EntryPoints.Count == 0 ? "reached by: no goroutine entry point found in the package" : "reached by: " + string.Join("; ", a.EntryPoints.Select(e => e.Describe(path)));

    /// <summary>The culprit's map, the operation, the goroutines reaching it and the other accesses, indented.</summary>
    public static void WriteAccessFacts(MapFacts f, Func<string, string> path, string indent, TextWriter w)
    {
        w.WriteLine(f.Map is { } m ? $"{indent}map: {Declaration(m, path)}" : $"{indent}map: {f.StoredAs ?? "unnamed"}");
        w.WriteLine($"{indent}  {Access(f.Operation, path)}; {Reach(f.Operation, path)}");
        if (f.Map is null) return;
        if (f.OtherAccesses.Count == 0) { w.WriteLine($"{indent}  no other reads or writes of {f.Map.Identifier} in its package"); return; }
        w.WriteLine($"{indent}  other reads and writes of {f.Map.Identifier}:");
        foreach (var a in f.OtherAccesses) w.WriteLine($"{indent}    {Access(a, path)}; {Reach(a, path)}");
    }
}
