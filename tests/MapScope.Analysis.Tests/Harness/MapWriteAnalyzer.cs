using MapScope.Analysis.Framework;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Tests.Harness;

/// <summary>A test-only analyzer for the harness's own tests: reports every assignment to an element of a map-typed expression.</summary>
internal sealed class MapWriteAnalyzer : Analyzer
{
    public override string Id => "test-map-write";
    public override string Title => "Every write to a map element (test analyzer)";
    public override string Doc => "Reports `m[k] = v` and `m[k]++` where m is a map; used to test the analysis harness.";
    public override string BadExample => "m[k] = v";
    public override string GoodExample => "_ = m[k]";

    public override void Run(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            Inspector.Inspect(file.File, n =>
            {
                IEnumerable<Expr> targets = n switch
                {
                    AssignStmt a => a.Lhs,
                    IncDecStmt i => [i.X],
                    _ => [],
                };
                foreach (var t in targets)
                    if (t is IndexExpr ix && pass.IsMap(ix.X))
                        pass.Report(file, ix, $"write to map {Describe(ix.X)}");
                return true;
            });
        }
    }

    private static string Describe(Expr e) => e switch
    {
        Ident id => id.Name,
        SelectorExpr s => Describe(s.X) + "." + s.Sel.Name,
        _ => "expression",
    };
}
