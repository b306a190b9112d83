using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// Unexported package-level map variables declared without a value (`var cache map[string]int`) that no code
/// of the package ever assigns, ranges into or takes the address of: only this package can set them, so they
/// stay nil and every write panics.
/// </summary>
internal static class UninitializedVars
{
    public static void Check(Pass pass, HashSet<IndexExpr> reported)
    {
        var candidates = new Dictionary<Var, string>(ReferenceEqualityComparer.Instance);
        foreach (var file in pass.Files)
            foreach (var gd in file.File.Decls.OfType<GenDecl>())
                foreach (var spec in gd.Specs.OfType<ValueSpec>())
                {
                    if (spec.Values is { Count: > 0 }) continue;
                    foreach (var name in spec.Names)
                        if (!char.IsUpper(name.Name[0]) && name.Name != "_" && GoAst.ObjectOf(pass, name) is Var { IsPackageLevel: true } v && NilSources.MapTypeOf(v.Type))
                            candidates[v] = spec.Type != null ? GoAst.Text(file, spec.Type) : TypeString.Of(v.Type);
                }
        if (candidates.Count == 0) return;

        // anything that may set the variable removes it
        foreach (var file in pass.Files)
        {
            Inspector.Inspect(file.File, n =>
            {
                SetTargets.Of(n, Drop);
                return true;
            }, comments: false);
        }
        if (candidates.Count == 0) return;

        foreach (var file in pass.Files)
            foreach (var w in MapWrites.Under(pass, file.File, intoClosures: true))
            {
                if (reported.Contains(w.Index) || GoAst.Unparen(w.Map) is not Ident id || GoAst.ObjectOf(pass, id) is not Var v || !candidates.TryGetValue(v, out var type)) continue;
                reported.Add(w.Index);
                pass.Report(file, w.Index,
                    $"assignment to entry in nil map: package variable {id.Name} is declared without a value and nothing in the package assigns it, so it is nil and this write panics at run time — " +
                    $"initialize it where it is declared, var {id.Name} = make({type})");
            }

        void Drop(Expr e)
        {
            if (GoAst.Unparen(e) is Ident id && GoAst.ObjectOf(pass, id) is Var v) candidates.Remove(v);
        }
    }
}
