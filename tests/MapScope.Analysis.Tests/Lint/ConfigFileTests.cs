using MapScope.Analysis.Config;
using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Tests.Lint;

public class ConfigFileTests
{
    [Fact]
    public void RulesAndExcludesAreRead()
    {
        var config = ConfigFile.Parse("""
            # team settings
            rules:
              nil-map-write: {enabled: true, severity: error}
              unbounded-map-growth:
                enabled: false
              range-insert:
                severity: INFO
            exclude:
              - vendor/**
              - "**/*_gen.go"
            """, "/repo/.mapscope.yml");
        Assert.Equal("/repo", config.BaseDirectory);
        Assert.Equal(new RuleConfig(true, Severity.Error, 3, 3), config.Rules["nil-map-write"]);
        Assert.Equal(new RuleConfig(false, null, 4, 3), config.Rules["unbounded-map-growth"]);
        Assert.Equal(new RuleConfig(null, Severity.Info, 6, 3), config.Rules["range-insert"]);
        Assert.Equal(["vendor/**", "**/*_gen.go"], config.Exclude);
        Assert.True(config.IsExcluded("/repo/vendor/x/y.go"));
        Assert.True(config.IsExcluded("/repo/a/b/types_gen.go"));
        Assert.False(config.IsExcluded("/repo/a/b/types.go"));
        Assert.False(config.IsExcluded("/elsewhere/vendor/x.go"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    [InlineData("rules:\nexclude:\n")]
    public void EmptyFilesMeanDefaults(string text)
    {
        var config = ConfigFile.Parse(text, "/repo/.mapscope.yml");
        Assert.Empty(config.Rules);
        Assert.Empty(config.Exclude);
    }

    [Theory]
    [InlineData("rules: [a, b\n", "/r/.mapscope.yml:2:1: invalid YAML", "flow sequence")]
    [InlineData("rule:\n  x: {}\n", "/r/.mapscope.yml:1:1: unknown key rule (expected rules, exclude or concurrency)", null)]
    [InlineData("rules:\n  x: {severity: fatal}\n", "/r/.mapscope.yml:2:17: rules.x.severity: expected error, warning or info, not fatal", null)]
    [InlineData("rules:\n  x: {enabled: maybe}\n", "/r/.mapscope.yml:2:16: rules.x.enabled: expected true or false, not maybe", null)]
    [InlineData("rules:\n  x: {level: error}\n", "/r/.mapscope.yml:2:7: rules.x: unknown setting level", null)]
    [InlineData("exclude: vendor\n", "/r/.mapscope.yml:1:10: exclude: expected a list of path globs", null)]
    [InlineData("- a\n- b\n", "/r/.mapscope.yml:1:1: expected a mapping", null)]
    [InlineData("rules:\n  x: {}\n  x: {}\n", "/r/.mapscope.yml:", null)]
    public void BadConfigIsOneLineNamingFileLineAndColumn(string text, string prefix, string? contains)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFile.Parse(text, "/r/.mapscope.yml"));
        Assert.StartsWith(prefix, e.Message);
        if (contains != null) Assert.Contains(contains, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void FoundByWalkingUpFromTheWorkingDirectory()
    {
        var root = Path.Combine(Path.GetTempPath(), "mapscope-cfg-" + Guid.NewGuid().ToString("N")[..8]);
        var deep = Path.Combine(root, "a", "b", "c");
        Directory.CreateDirectory(deep);
        try
        {
            Assert.Null(ConfigFile.Find(deep) is { } f && f.StartsWith(root) ? f : null);
            File.WriteAllText(Path.Combine(root, "a", LintConfig.FileName), "exclude: [b/c/**]\n");
            Assert.Equal(Path.Combine(root, "a", LintConfig.FileName), ConfigFile.Find(deep));
            var config = ConfigFile.Discover(deep);
            Assert.Equal(Path.Combine(root, "a"), config.BaseDirectory);
            Assert.True(config.IsExcluded(Path.Combine(deep, "x.go")));
            File.WriteAllText(Path.Combine(deep, LintConfig.FileName), "rules: {}\n");
            Assert.Equal(Path.Combine(deep, LintConfig.FileName), ConfigFile.Find(deep));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Theory]
    [InlineData("vendor", "vendor/a/b.go", true)]
    [InlineData("vendor/", "vendor/a/b.go", true)]
    [InlineData("./internal/legacy", "internal/legacy/x.go", true)]
    [InlineData("internal/legacy", "internal/legacyx/x.go", false)]
    [InlineData("*.go", "x.go", true)]
    [InlineData("*.go", "a/x.go", false)]
    [InlineData("**/*.pb.go", "x.pb.go", true)]
    [InlineData("**/*.pb.go", "a/b/x.pb.go", true)]
    [InlineData("**/testdata/**", "a/testdata/b/c.go", true)]
    [InlineData("a/?.go", "a/x.go", true)]
    [InlineData("a/?.go", "a/xy.go", false)]
    [InlineData("a.b/*", "aXb/c.go", false)]
    public void GlobsMatchPathsAndTheirParents(string glob, string path, bool expected)
    {
        Assert.Equal(expected, new PathGlob(glob).MatchesPathOrParent(path));
    }
}
