using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// Unexported map fields of this package's struct types that nothing in the package ever initializes: no
/// composite literal names them (or sets every field positionally), nothing assigns them or takes their
/// address. Only this package can set an unexported field, so every value has it nil and every write panics.
/// Fields are matched by name across all struct types, which can only make the rule quieter.
/// </summary>
internal static class UninitializedFields
{
    /// <summary>Reports the writes to such fields and returns them (so the local analysis does not repeat them).</summary>
    public static HashSet<IndexExpr> Check(Pass pass)
    {
        var reported = new HashSet<IndexExpr>(ReferenceEqualityComparer.Instance);
        HashSet<string>? initialized = null;
        foreach (var file in pass.Files)
        {
            foreach (var w in MapWrites.Under(pass, file.File, intoClosures: true))
            {
                if (GoAst.Unparen(w.Map) is not SelectorExpr sel || OwnStruct(pass, sel.X) is not { } owner) continue;
                var field = owner.Struct.Fields.FirstOrDefault(f => f.Name == sel.Sel.Name);
                if (field == null || field.Embedded || char.IsUpper(field.Name[0]) || !NilSources.MapTypeOf(field.Type)) continue;
                initialized ??= InitializedFieldNames(pass);
                if (initialized.Contains(field.Name)) continue;
                reported.Add(w.Index);
                var typeText = FieldTypes.Text(pass, owner.Named, field.Name) ?? TypeString.Of(field.Type);
                var name = owner.Named.Obj.Name;
                pass.Report(file, w.Index,
                    $"assignment to entry in nil map: field {field.Name} of {name} is never initialized in this package (no composite literal sets it and nothing assigns it), " +
                    $"so {GoAst.Text(file, w.Map)} is nil and this write panics at run time — initialize it where {name} is built, e.g. {field.Name}: make({typeText})");
            }
        }
        return reported;
    }

    private static (Named Named, Struct Struct)? OwnStruct(Pass pass, Expr x)
    {
        var t = pass.TypeOf(x);
        if (t is Pointer p) t = p.Elem;
        if (t is not Named n || n.Obj.Pkg?.Path != pass.Package.Path || n.Underlying is not Struct st) return null;
        return (n, st);
    }

    /// <summary>Names of fields that some code of the package sets (by any struct type).</summary>
    private static HashSet<string> InitializedFieldNames(Pass pass)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in pass.Files)
        {
            Inspector.Inspect(file.File, n =>
            {
                SetTargets.Of(n, AddSelector);
                switch (n)
                {
                    case CompositeLit cl:
                        foreach (var e in cl.Elts)
                            if (e is KeyValueExpr { Key: Ident k }) names.Add(k.Name);
                        if (cl.Elts.Count > 0 && cl.Elts[0] is not KeyValueExpr)
                        {
                            // positional: every field of the literal's struct type is set
                            var t = pass.TypeOf(cl);
                            if (t is Pointer p) t = p.Elem;
                            if (t.Underlying is Struct st) foreach (var f in st.Fields) names.Add(f.Name);
                        }
                        break;
                }
                return true;
            }, comments: false);
        }
        return names;

        void AddSelector(Expr e)
        {
            if (GoAst.Unparen(e) is SelectorExpr s) names.Add(s.Sel.Name);
        }
    }
}
