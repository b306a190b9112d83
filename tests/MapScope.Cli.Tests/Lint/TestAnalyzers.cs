using MapScope.Analysis.Framework;
using MapScope.Syntax.Ast;

namespace MapScope.Cli.Tests.Lint;

/// <summary>Test-only rule for CLI tests (never registered in RuleSet): every assignment to a map element.</summary>
internal sealed class MapIndexWriteAnalyzer : Analyzer
{
    public override string Id => "test-map-write";
    public override string Title => "Writes to map elements (test rule)";
    public override string Doc => "Reports `m[k] = v` where m is a map.\n\nUsed by the CLI tests.";
    public override string BadExample => "m[k] = v";
    public override string GoodExample => "_ = m[k]";

    public override void Run(Pass pass)
    {
        foreach (var f in pass.Files)
            Inspector.Inspect(f.File, n =>
            {
                if (n is AssignStmt a)
                    foreach (var l in a.Lhs)
                        if (l is IndexExpr ix && pass.IsMap(ix.X))
                            pass.Report(f, ix, $"write to map {(ix.X as Ident)?.Name}", [new SuggestedFix("drop the write", [new TextEdit(f.Path, a.Pos, a.End, "")])]);
                return true;
            });
    }
}

/// <summary>Off by default, error severity.</summary>
internal sealed class QuietAnalyzer : Analyzer
{
    public override string Id => "test-quiet";
    public override string Title => "Never reports (test rule)";
    public override string Doc => "";
    public override string BadExample => "";
    public override string GoodExample => "";
    public override Severity DefaultSeverity => Severity.Error;
    public override bool EnabledByDefault => false;
    public override void Run(Pass pass) { }
}
