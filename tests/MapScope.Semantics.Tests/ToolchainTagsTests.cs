using MapScope.Semantics.Loading;
using MapScope.TestSupport;

namespace MapScope.Semantics.Tests;

/// <summary>The build tags and platform names the directory loader assumes for a toolchain are the ones its go command uses.</summary>
public class ToolchainTagsTests
{
    public static TheoryData<string, string, string> Targets()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var release in GoToolchain.Supported)
            foreach (var (goos, goarch) in new[] { ("linux", "amd64"), ("linux", "386"), ("linux", "arm"), ("darwin", "arm64"), ("js", "wasm"), ("linux", "riscv64"), ("linux", "ppc64le"), ("linux", "loong64"), ("linux", "mips") })
                data.Add(release, goos, goarch);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public void ToolTagsMatchGoList(string release, string goos, string goarch)
    {
        var go = GoToolchain.Require(release);
        var env = go.Env(new Dictionary<string, string> { ["GOOS"] = goos, ["GOARCH"] = goarch, ["GOEXPERIMENT"] = "", ["GOAMD64"] = "", ["GOARM"] = "", ["GO386"] = "" });
        var listed = GoToolchain.Run(go, "list -f {{context.ToolTags}} runtime", Path.GetTempPath(), env).Trim().Trim('[', ']')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var minor = GoEnvironment.ToolchainMinor(go.GoRoot) ?? 0;
        Assert.Equal(listed, ToolchainTags.For(go.GoRoot, minor, goarch, _ => null));
    }

    [SkippableFact]
    public void GoexperimentChangesTheTags()
    {
        var go = GoToolchain.Require("1.24");
        var tags = ToolchainTags.For(go.GoRoot, 24, "amd64", n => n == "GOEXPERIMENT" ? "noswissmap,rangefunc" : null);
        Assert.DoesNotContain("goexperiment.swissmap", tags);
        Assert.Contains("goexperiment.rangefunc", tags);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void PlatformListsComeFromTheToolchain(string release)
    {
        var go = GoToolchain.Require(release);
        var minor = GoEnvironment.ToolchainMinor(go.GoRoot) ?? 0;
        var platforms = KnownPlatforms.For(go.GoRoot, minor);
        Assert.NotSame(KnownPlatforms.Go119, platforms); // read from the source, not the built-in list
        Assert.Equal(minor >= 21, platforms.OperatingSystems.Contains("wasip1"));
        Assert.Contains("linux", platforms.UnixSystems);
        Assert.DoesNotContain("windows", platforms.UnixSystems);
        Assert.Contains("riscv64", platforms.Architectures);
    }
}
