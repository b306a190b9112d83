using MapScope.Attribution.Source;
using MapScope.Attribution.Walk;

namespace MapScope.Attribution.Joins;

/// <summary>Turns walk results (operations, map references) into the public <see cref="MapFacts"/> records.</summary>
internal static class FactsBuilder
{
    public static MapDeclaration Declaration(MapRef map)
    {
        var (line, col) = map.DeclarationFile is { } f && map.DeclarationOffset >= 0 ? f.PositionOf(map.DeclarationOffset) : (0, 0);
        return new MapDeclaration(map.Name, map.Kind, map.ShortName, map.Type, map.DeclarationFile?.RelativePath, line, col);
    }

    public static MapAccess Access(GoPackage package, MapOp op, bool withEntries)
    {
        var (line, col) = op.Position;
        var entries = withEntries ? package.Analysis.EntriesReaching(op.Unit).Select(e => e.ToPublic()).Distinct().ToList() : [];
        return new MapAccess(op.Kind, op.File.RelativePath, line, col, op.Unit.GoName, op.File.LineText(line), entries);
    }

    /// <summary>Facts about the map an operation accesses, with every other access of it in the package.</summary>
    public static MapFacts ForAccess(GoPackage package, MapOp op)
    {
        var others = op.Map is null ? [] : package.Analysis.Ops
            .Where(o => o != op && o.IsAccess && Equals(o.Map, op.Map))
            .OrderBy(o => o.File.RelativePath, StringComparer.Ordinal).ThenBy(o => o.Node.Pos)
            .Select(o => Access(package, o, withEntries: true))
            .ToList();
        return new MapFacts(op.Map is null ? null : Declaration(op.Map), Access(package, op, withEntries: true), op.Map is null ? "an unnamed map" : null, others);
    }

    /// <summary>Facts about a new map (make, literal, clone): the variable or field it is stored in.</summary>
    public static MapFacts ForCreation(GoPackage package, MapOp op) =>
        new(op.Target is null ? null : Declaration(op.Target), Access(package, op, withEntries: false), op.Target is null ? op.TargetNote : null, []);
}
