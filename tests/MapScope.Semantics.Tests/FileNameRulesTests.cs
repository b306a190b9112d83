using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Tests;

public class FileNameRulesTests
{
    private static readonly BuildContext Ctx = new() { GoOS = "linux", GoArch = "amd64" };

    [Theory]
    [InlineData("x.go", true)]
    [InlineData("x_linux.go", true)]
    [InlineData("x_windows.go", false)]
    [InlineData("x_amd64.go", true)]
    [InlineData("x_arm64.go", false)]
    [InlineData("x_linux_amd64.go", true)]
    [InlineData("x_linux_arm64.go", false)]
    [InlineData("x_windows_amd64.go", false)]
    [InlineData("x_linux_test.go", true)]
    [InlineData("x_windows_test.go", false)]
    [InlineData("x_linux_amd64_test.go", true)]
    [InlineData("x_darwin_amd64_test.go", false)]
    [InlineData("linux.go", true)]            // no prefix before the suffix: not a constraint (Go 1.4+)
    [InlineData("windows.go", true)]
    [InlineData("windows_test.go", true)]     // "_test" after a prefix-less OS name
    [InlineData("x_test.go", true)]
    [InlineData("x_unix.go", true)]           // "unix" is a tag, but not a file-name suffix
    [InlineData("x_foo.go", true)]
    [InlineData("x_amd64_linux.go", true)]    // order GOARCH_GOOS: only the last element counts, linux matches
    [InlineData("x_arm64_windows.go", false)]
    [InlineData("x_windows_foo.go", true)]    // the suffix must be last
    [InlineData("x_linux.s", true)]
    [InlineData("x_windows.pb.go", false)]    // only the part before the first dot counts
    [InlineData("x.windows.go", true)]
    [InlineData("x_js_wasm.go", false)]
    [InlineData("x_nacl.go", false)]          // still a known OS in Go 1.19
    [InlineData("x_loong64.go", false)]
    public void OSArchSuffixes(string name, bool expected) => Assert.Equal(expected, FileNameRules.MatchesOSArch(name, Ctx));

    [Fact]
    public void AndroidBuildsLinuxFiles()
    {
        var android = Ctx with { GoOS = "android", GoArch = "arm64" };
        Assert.True(FileNameRules.MatchesOSArch("x_linux.go", android));
        Assert.True(FileNameRules.MatchesOSArch("x_linux_arm64.go", android));
        Assert.False(FileNameRules.MatchesOSArch("x_linux_amd64.go", android));
    }

    [Theory]
    [InlineData("_x.go", true)]
    [InlineData(".#x.go", true)]
    [InlineData("x.go", false)]
    [InlineData("x_.go", false)]
    public void UnderscoreAndDotFilesAreIgnored(string name, bool ignored) => Assert.Equal(ignored, FileNameRules.IsIgnored(name));

    [Theory]
    [InlineData("x_test.go", true)]
    [InlineData("x_test_linux.go", false)]
    [InlineData("test.go", false)]
    [InlineData("_test.go", true)]
    public void TestFiles(string name, bool test) => Assert.Equal(test, FileNameRules.IsTestFile(name));
}
