using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Tests.Harness;

/// <summary>Throws on every package: the lint run must survive it.</summary>
internal sealed class ThrowingAnalyzer : Analyzer
{
    public override string Id => "test-throws";
    public override string Title => "Always throws (test analyzer)";
    public override string Doc => "Used to test that one failing rule does not stop the others.";
    public override string BadExample => "";
    public override string GoodExample => "";
    public override void Run(Pass pass) => throw new InvalidOperationException("boom\nsecond line");
}

/// <summary>Reports the package clause of every file, off by default, as info: for rule selection and severity tests.</summary>
internal sealed class PackageClauseAnalyzer : Analyzer
{
    public override string Id => "test-package";
    public override string Title => "Every package clause (test analyzer)";
    public override string Doc => "Reports each file's package clause.";
    public override string BadExample => "package p";
    public override string GoodExample => "";
    public override Severity DefaultSeverity => Severity.Info;
    public override bool EnabledByDefault => false;

    public override void Run(Pass pass)
    {
        foreach (var f in pass.Files) pass.Report(f, f.File.Name, $"package {f.File.Name.Name}");
    }
}
