using MapScope.Analysis.Config;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;
using MapScope.Analysis.Tests.Harness;

namespace MapScope.Analysis.Tests.Lint;

public class RuleSelectionTests
{
    private static readonly Analyzer[] Analyzers = [new MapWriteAnalyzer(), new PackageClauseAnalyzer()];

    private static string Select(string yaml = "", string[]? enable = null, string[]? disable = null)
    {
        var config = ConfigFile.Parse(yaml, "/r/.mapscope.yml");
        var (rules, ignoreOn) = RuleSelection.Select(Analyzers, config, enable ?? [], disable ?? []);
        return string.Join(" ", rules.Select(r => $"{r.Analyzer.Id}={r.Severity.Name()}")) + (ignoreOn ? "" : " (no ignore-directive)");
    }

    [Fact]
    public void DefaultsComeFromTheAnalyzers() => Assert.Equal("test-map-write=warning", Select());

    [Fact]
    public void ConfigTurnsRulesOnAndOffAndSetsSeverity()
    {
        Assert.Equal("test-package=error", Select("rules:\n  test-map-write: {enabled: false}\n  test-package: {enabled: true, severity: error}\n"));
        Assert.Equal("test-map-write=info (no ignore-directive)", Select("rules:\n  test-map-write: {severity: info}\n  ignore-directive: {enabled: false}\n"));
    }

    [Fact]
    public void CommandLineOverridesConfigAndDisableWins()
    {
        Assert.Equal("test-map-write=warning test-package=info", Select(enable: ["test-package"]));
        Assert.Equal("test-package=info", Select("rules:\n  test-package: {enabled: true}\n", disable: ["test-map-write"]));
        Assert.Equal("test-map-write=warning", Select("rules:\n  test-map-write: {enabled: false}\n", enable: ["test-map-write,test-package"], disable: ["test-package"]));
        Assert.Equal("test-map-write=warning test-package=info", Select(enable: ["all"]));
        Assert.Equal(" (no ignore-directive)", Select(disable: ["all"]));
    }

    [Fact]
    public void ANamedRuleBeatsAll()
    {
        Assert.Equal("test-package=info (no ignore-directive)", Select(enable: ["test-package"], disable: ["all"]));
        Assert.Equal("test-package=info", Select(enable: ["all"], disable: ["test-map-write"]));
        Assert.Equal(" (no ignore-directive)", Select(enable: ["test-package"], disable: ["all,test-package"]));
    }

    [Fact]
    public void UnknownIdsAreErrors()
    {
        Assert.Equal("--enable: unknown rule nil-map-wirte (see `mapscope rules`)", Assert.Throws<LintException>(() => Select(enable: ["nil-map-wirte"])).Message);
        Assert.Equal("--disable: unknown rule x (see `mapscope rules`)", Assert.Throws<LintException>(() => Select(disable: ["test-package,x"])).Message);
        Assert.Equal("/r/.mapscope.yml:2:3: unknown rule typo (see `mapscope rules`)", Assert.Throws<LintException>(() => Select("rules:\n  typo: {enabled: true}\n")).Message);
    }
}
