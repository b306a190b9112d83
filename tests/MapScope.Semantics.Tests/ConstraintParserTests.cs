using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Tests;

public class ConstraintParserTests
{
    private static readonly BuildContext LinuxAmd64 = new()
    {
        GoOS = "linux",
        GoArch = "amd64",
        CgoEnabled = true,
        BuildTags = ["integration"],
        ToolTags = ["goexperiment.regabiargs"],
        ReleaseTags = BuildContext.ReleaseTagsUpTo(19),
    };

    private static bool GoBuild(string expr, BuildContext? ctx = null)
    {
        var x = ConstraintParser.ParseGoBuild(expr, out var error);
        Assert.True(x != null, $"{expr}: {error}");
        return (ctx ?? LinuxAmd64).Eval(x!);
    }

    [Theory]
    [InlineData("linux", true)]
    [InlineData("windows", false)]
    [InlineData("linux && amd64", true)]
    [InlineData("linux && arm64", false)]
    [InlineData("darwin || linux", true)]
    [InlineData("!windows", true)]
    [InlineData("!linux", false)]
    [InlineData("unix", true)]
    [InlineData("cgo", true)]
    [InlineData("gc", true)]
    [InlineData("gccgo", false)]
    [InlineData("go1.18", true)]
    [InlineData("go1.19", true)]
    [InlineData("go1.20", false)]
    [InlineData("integration", true)]
    [InlineData("goexperiment.regabiargs", true)]
    [InlineData("ignore", false)]
    [InlineData("(linux || darwin) && !386", true)]
    [InlineData("linux && (arm || 386)", false)]
    [InlineData("!(linux && amd64)", false)]
    [InlineData("a || b && linux", false)]   // && binds tighter: a || (b && linux)
    [InlineData("linux || a && b", true)]
    [InlineData("  linux\t&&amd64  ", true)]
    public void GoBuildExpressions(string expr, bool expected) => Assert.Equal(expected, GoBuild(expr));

    [Theory]
    [InlineData("")]
    [InlineData("linux &&")]
    [InlineData("linux & amd64")]
    [InlineData("(linux")]
    [InlineData("linux)")]
    [InlineData("!!linux")]
    [InlineData("linux amd64")]
    [InlineData("linux, amd64")]
    public void MalformedGoBuildIsAnError(string expr)
    {
        Assert.Null(ConstraintParser.ParseGoBuild(expr, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("linux darwin", true)]            // space = or
    [InlineData("linux,arm64", false)]            // comma = and
    [InlineData("windows,amd64 linux,amd64", true)]
    [InlineData("!windows", true)]
    [InlineData("!!linux", false)]                // double negation is never satisfied
    [InlineData("!", false)]
    [InlineData("linux,bad-tag", false)]          // invalid tags become "ignore"
    [InlineData("", false)]                       // an empty +build line excludes the file
    public void PlusBuildExpressions(string text, bool expected) =>
        Assert.Equal(expected, LinuxAmd64.Eval(ConstraintParser.ParsePlusBuild(text)));

    [Theory]
    [InlineData("//go:build linux", "linux")]
    [InlineData("//go:build", "")]
    [InlineData("//go:build\tlinux && cgo ", "linux && cgo")]
    [InlineData("//go:buildlinux", null)]
    [InlineData("// go:build linux", null)]
    public void GoBuildLinePrefix(string line, string? expected) => Assert.Equal(expected, ConstraintParser.SplitGoBuild(line));

    [Theory]
    [InlineData("// +build linux", "linux")]
    [InlineData("//+build linux", "linux")]
    [InlineData("// +buildlinux", null)]
    [InlineData("/* +build linux */", null)]
    public void PlusBuildLinePrefix(string line, string? expected) => Assert.Equal(expected, ConstraintParser.SplitPlusBuild(line));

    [Theory]
    [InlineData("android", "linux", true)]
    [InlineData("illumos", "solaris", true)]
    [InlineData("ios", "darwin", true)]
    [InlineData("linux", "android", false)]
    [InlineData("plan9", "unix", false)]
    [InlineData("windows", "unix", false)]
    [InlineData("darwin", "unix", true)]
    public void SystemAliases(string goos, string tag, bool expected) =>
        Assert.Equal(expected, (LinuxAmd64 with { GoOS = goos }).MatchTag(tag));

    [Fact]
    public void CgoTagFollowsCgoEnabled() => Assert.False(GoBuild("cgo", LinuxAmd64 with { CgoEnabled = false }));
}
