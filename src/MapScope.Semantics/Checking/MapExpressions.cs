using System.Globalization;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;
using Type = MapScope.Semantics.Types.Type;

namespace MapScope.Semantics.Checking;

/// <summary>
/// The output of `mapscope types --maps`: every value expression whose type is a map or a named type
/// whose underlying type is a map, as "FILE:LINE:COL&lt;TAB&gt;END_OFFSET&lt;TAB&gt;TYPE" (go/types' TypeString).
/// </summary>
public static class MapExpressions
{
    public static List<string> Lines(Checker checker)
    {
        var lines = new List<string>();
        var fileOf = new List<(int Start, Syntax.ParsedFile File)>();
        foreach (var pf in checker.Files)
        {
            Inspector.Inspect(pf.File, n =>
            {
                if (n is Expr e && checker.Types.TryGetValue(e, out var t) && IsMap(t) && !checker.TypeExprs.Contains(e))
                {
                    var (line, col) = pf.Lines.Position(e.Pos);
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{pf.Path}:{line}:{col}\t{e.End}\t{TypeString.Of(t)}"));
                }
                return true;
            }, comments: false);
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static bool IsMap(Type t) => t is not Types.Tuple && t.Underlying is Map;
}
