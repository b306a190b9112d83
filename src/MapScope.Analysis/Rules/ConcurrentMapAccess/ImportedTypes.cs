using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// Which imported type a type expression names, read from the syntax: <c>*gin.Context</c> in a file that imports
/// "github.com/gin-gonic/gin". Works when the import is not downloaded and the checker only has an unknown type.
/// </summary>
internal static class ImportedTypes
{
    /// <summary>Whether the expression is pkg.Name (or *pkg.Name when pointer) with pkg an import of one of the paths.</summary>
    public static bool Is(ParsedFile file, Expr? type, bool pointer, string name, params string[] paths)
    {
        if (type is ParenExpr p) type = p.X;
        if (pointer)
        {
            if (type is not StarExpr star) return false;
            type = star.X;
        }
        if (type is not SelectorExpr { X: Ident pkg } sel || sel.Sel.Name != name) return false;
        foreach (var spec in file.File.Imports)
        {
            var path = ImportPath(spec);
            if (LocalName(spec, path) != pkg.Name) continue;
            return Array.IndexOf(paths, path) >= 0;
        }
        return false;
    }

    /// <summary>chan&lt;- pkg.Name (or chan&lt;- *pkg.Name), the send-only channel Prometheus hands collectors.</summary>
    public static bool IsSendChanOf(ParsedFile file, Expr? type, bool pointer, string name, string path) =>
        type is ChanType { Dir: ChanDir.Send } ch && Is(file, ch.Value, pointer, name, path);

    public static string ImportPath(ImportSpec spec) => spec.Path.Value.Trim('"', '`');

    /// <summary>The name a file uses for an import: its explicit name, else the last path element (before a /vN suffix).</summary>
    private static string LocalName(ImportSpec spec, string path)
    {
        if (spec.Name != null) return spec.Name.Name;
        var parts = path.Split('/');
        var last = parts[^1];
        if (parts.Length > 1 && last.Length > 1 && last[0] == 'v' && last.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0) last = parts[^2];
        if (last.StartsWith("go-", StringComparison.Ordinal)) last = last[3..];
        return last;
    }
}
