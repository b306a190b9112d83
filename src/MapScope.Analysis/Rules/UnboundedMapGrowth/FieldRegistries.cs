using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// Map fields of this package's struct types that get one entry per call, connection or request (a key that
/// is new every time, see <see cref="FreshKeys"/>) and that no code of the package ever deletes from, clears,
/// replaces or bounds. `x.f[k] = nil` keeps the key, so it is no removal. One finding per type and field.
/// </summary>
internal static class FieldRegistries
{
    public static void Check(Pass pass)
    {
        FieldLifecycle? lifecycle = null;
        var reported = new HashSet<(Semantics.Types.Object, string)>();
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            if (fn.Decl == null) continue;
            FreshKeys? keys = null;
            Parents? parents = null;
            foreach (var w in MapWrites.Under(pass, fn.Body))
            {
                if (GoAst.Unparen(w.Map) is not SelectorExpr sel) continue;
                var t = pass.TypeOf(sel.X);
                if (t is Pointer p) t = p.Elem;
                if (t is not Named named || named.Obj.Pkg?.Path != pass.Package.Path || named.Underlying is not Struct) continue;
                if (reported.Contains((named.Obj, sel.Sel.Name)) || UnboundedMapGrowthAnalyzer.BoundedKeyType(pass.TypeOf(w.Map))) continue;
                keys ??= new FreshKeys(pass, fn.Type, fn.Body);
                if (keys.Why(w.Key) is not { } why) continue;
                parents ??= new Parents(fn.Body);
                if (UpdateOnly.Is(pass, parents, w)) continue;
                lifecycle ??= new FieldLifecycle(pass);
                if (lifecycle.MayShrink(sel.Sel.Name)) continue;
                reported.Add((named.Obj, sel.Sel.Name));
                var file = fn.File;
                var target = GoAst.Text(file, w.Map);
                pass.Report(file, w.Index,
                    $"{target} gets an entry keyed by {GoAst.Text(file, w.Key)}, {why}, and nothing in the package deletes from field {sel.Sel.Name} of {named.Obj.Name}, " +
                    $"clears it, replaces it or bounds its size (assigning nil or a zero value keeps the key): it grows for as long as the {named.Obj.Name} lives — " +
                    $"delete({target}, {GoAst.Text(file, w.Key)}) when the call, connection or request is done, preferably in a defer");
            }
        }
    }
}
