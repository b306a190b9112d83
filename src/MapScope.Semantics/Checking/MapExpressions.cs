using System.Globalization;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;
using Type = MapScope.Semantics.Types.Type;

namespace MapScope.Semantics.Checking;

/// <summary>One expression whose type is a map (or a named map type): where it is and its type as go/types spells it.</summary>
public sealed record MapExpression(string File, int Line, int Column, int EndOffset, string Type)
{
    /// <summary>"FILE:LINE:COL&lt;TAB&gt;END_OFFSET&lt;TAB&gt;TYPE", with the file shown as <paramref name="displayPath"/>.</summary>
    public string Format(string? displayPath = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{displayPath ?? File}:{Line}:{Column}\t{EndOffset}\t{Type}");
}

/// <summary>
/// The output of `mapscope types --maps`: every value expression whose type is a map or a named type
/// whose underlying type is a map.
/// </summary>
public static class MapExpressions
{
    /// <summary>The package's map-typed expressions, sorted by their formatted line.</summary>
    public static List<MapExpression> Find(Checker checker)
    {
        var found = new List<MapExpression>();
        foreach (var pf in checker.Files)
        {
            Inspector.Inspect(pf.File, n =>
            {
                if (n is Expr e && checker.Types.TryGetValue(e, out var t) && IsMap(t) && !checker.TypeExprs.Contains(e))
                {
                    var (line, col) = pf.Lines.Position(e.Pos);
                    found.Add(new MapExpression(pf.Path, line, col, e.End, TypeString.Of(t)));
                }
                return true;
            }, comments: false);
        }
        return found.OrderBy(m => m.Format(), StringComparer.Ordinal).ToList();
    }

    /// <summary>The formatted lines of <see cref="Find"/>.</summary>
    public static List<string> Lines(Checker checker) => Find(checker).Select(m => m.Format()).ToList();

    public static bool IsMap(Type t) => t is not Types.Tuple && t.Underlying is Map;
}
