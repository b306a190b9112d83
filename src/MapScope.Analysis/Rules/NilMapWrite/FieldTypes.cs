using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>A struct field's type as written in its declaration (for messages: map[string]int, not a full package path).</summary>
internal static class FieldTypes
{
    public static string? Text(Pass pass, Semantics.Types.Type structType, string field)
    {
        if (structType is Pointer p) structType = p.Elem;
        if (structType.Underlying is not Struct st || st.Fields.FirstOrDefault(f => f.Name == field) is not { } fv) return null;
        foreach (var file in pass.Files)
        {
            string? text = null;
            Inspector.Inspect(file.File, n =>
            {
                if (text != null) return false;
                if (n is Field { Names: { } names, Type: { } te } && names.Any(id => id.Pos == fv.Pos && id.Name == field)) text = GoAst.Text(file, te);
                return true;
            }, comments: false);
            if (text != null) return text;
        }
        return null;
    }
}
