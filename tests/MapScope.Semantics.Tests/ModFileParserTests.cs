using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Tests;

public class ModFileParserTests
{
    [Fact]
    public void ParsesDirectivesAndBlocks()
    {
        var mod = ModFileParser.Parse("""
            // A module.
            module github.com/me/app // trailing comment

            go 1.19

            require github.com/single/dep v1.2.3
            require (
            	golang.org/x/net v0.1.0 // indirect
            	"github.com/Quoted/Dep" v2.0.0+incompatible
            )

            replace github.com/single/dep => ../dep
            replace (
            	golang.org/x/net v0.1.0 => golang.org/x/net v0.2.0
            	example.com/old => example.com/new v1.0.0
            )

            exclude golang.org/x/net v0.0.9
            retract v1.0.1
            toolchain go1.21.0
            """);
        Assert.Empty(mod.Errors);
        Assert.Equal("github.com/me/app", mod.ModulePath);
        Assert.Equal("1.19", mod.GoVersion);
        Assert.Equal(19, mod.GoMinor);
        Assert.Equal(
            [new ModRequire("github.com/single/dep", "v1.2.3", false), new ModRequire("golang.org/x/net", "v0.1.0", true), new ModRequire("github.com/Quoted/Dep", "v2.0.0+incompatible", false)],
            mod.Requires);
        Assert.Equal(3, mod.Replaces.Count);
        Assert.True(mod.Replaces[0].IsLocalDirectory);
        Assert.Equal("../dep", mod.Replaces[0].NewPath);
        Assert.Equal(new ModReplace("golang.org/x/net", "v0.1.0", "golang.org/x/net", "v0.2.0"), mod.Replaces[1]);
        Assert.Equal(new ModReplace("example.com/old", null, "example.com/new", "v1.0.0"), mod.Replaces[2]);
        Assert.Equal([new ModExclude("golang.org/x/net", "v0.0.9")], mod.Excludes);
    }

    [Theory]
    [InlineData("1.26.3", 26)]
    [InlineData("1.21rc1", 21)]
    [InlineData("1.22", 22)]
    [InlineData("1.24.0", 24)]
    public void GoLinesOfAnyReleaseParse(string version, int minor)
    {
        var mod = ModFileParser.Parse($"module m\n\ngo {version}\n\ntoolchain go1.26.3\n\ngodebug default=go1.21\ngodebug (\n\tpanicnil=1\n\thttp2client=0\n)\n");
        Assert.Empty(mod.Errors);
        Assert.Equal(version, mod.GoVersion);
        Assert.Equal(minor, mod.GoMinor);
        Assert.Equal("go1.26.3", mod.Toolchain);
        Assert.Equal([new("default", "go1.21"), new("panicnil", "1"), new("http2client", "0")], mod.GoDebug);
    }

    [Theory]
    [InlineData("go 1.26.3.1", "usage: go")]
    [InlineData("go 2.0", "usage: go")]
    [InlineData("go 1.021", "usage: go")]
    [InlineData("toolchain", "usage: toolchain")]
    [InlineData("godebug panicnil", "usage: godebug")]
    public void BadGoToolchainAndGodebugLinesAreErrors(string line, string error)
    {
        var mod = ModFileParser.Parse("module m\n" + line + "\n");
        Assert.StartsWith("2: " + error, Assert.Single(mod.Errors));
    }

    [Fact]
    public void ParsesGoWork()
    {
        var work = WorkFile.Parse("go 1.23.1\n\ntoolchain go1.24.0\n\nuse ./tools\nuse (\n\t.\n\t\"./with space\" // quoted\n)\n\nreplace example.com/x v1.0.0 => ../x\ngodebug asynctimerchan=1\n");
        Assert.Empty(work.Errors);
        Assert.Equal("1.23.1", work.GoVersion);
        Assert.Equal("go1.24.0", work.Toolchain);
        Assert.Equal(["./tools", ".", "./with space"], work.Use);
        Assert.Equal([new ModReplace("example.com/x", "v1.0.0", "../x", null)], work.Replaces);
        Assert.Equal([new("asynctimerchan", "1")], work.GoDebug);
    }

    [Fact]
    public void GoWorkIsFoundAboveOrFromGowork()
    {
        var root = Directory.CreateTempSubdirectory("mapscope-work-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "go.work"), "go 1.22\n");
            var inner = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
            Assert.Equal(Path.Combine(root, "go.work"), WorkFile.Find(inner, _ => null));
            Assert.Null(WorkFile.Find(inner, n => n == "GOWORK" ? "off" : null));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void GoErrorMessagesBecomeOneLine()
    {
        var stderr = "go: downloading go1.26.3 (linux/amd64)\ngo: errors parsing go.mod:\n/w/m/go.mod:3: invalid go version '1.26.3': must match format 1.23\n/w/m/go.mod:5: unknown directive: toolchain\n";
        Assert.Equal("go: errors parsing go.mod: go.mod:3: invalid go version '1.26.3': must match format 1.23; go.mod:5: unknown directive: toolchain",
            GoCommand.Message(stderr, "/w/m"));
    }

    [Fact]
    public void GoRunsOfflineAndNeverRewritesGoMod()
    {
        var env = GoCommand.OfflineEnvironment(n => n == "GOFLAGS" ? "-mod=mod -tags=x" : null);
        Assert.Equal("local", env["GOTOOLCHAIN"]);
        Assert.Equal("off", env["GOPROXY"]);
        Assert.Equal("-tags=x", env["GOFLAGS"]);
        Assert.False(GoCommand.OfflineEnvironment(_ => null).ContainsKey("GOFLAGS"));
    }

    [Fact]
    public void VersionSpecificReplaceWinsOverVersionless()
    {
        var mod = ModFileParser.Parse("module m\nreplace a => ./any\nreplace a v1.0.0 => ./exact\n");
        Assert.Equal("./exact", mod.FindReplace("a", "v1.0.0")!.NewPath);
        Assert.Equal("./any", mod.FindReplace("a", "v2.0.0")!.NewPath);
        Assert.Null(mod.FindReplace("b", "v1.0.0"));
    }

    [Theory]
    [InlineData("module a b", "1: usage: module")]
    [InlineData("module m\ngo banana", "2: usage: go")]
    [InlineData("module m\nrequire x", "2: usage: require")]
    [InlineData("module m\nreplace x => y", "2: replacement module without version")]
    [InlineData("module m\nrequire (\nx v1.0.0\n", "4: unterminated require block")]
    [InlineData("module \"m", "1: unterminated quoted string")]
    public void ErrorsCarryLineNumbersAndParsingContinues(string text, string error)
    {
        var mod = ModFileParser.Parse(text);
        Assert.Contains(mod.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void ModuleCacheEscapesUpperCase() =>
        Assert.Equal(Path.Combine("/c", "github.com/!burnt!sushi/toml@v1.2.0"), ModuleCache.Dir("/c", "github.com/BurntSushi/toml", "v1.2.0"));

    [Fact]
    public void VendorModulesTxt()
    {
        var v = VendorModules.Parse("""
            # golang.org/x/crypto v0.0.0-20220516162934-403b01795ae8
            ## explicit; go 1.17
            golang.org/x/crypto/chacha20
            golang.org/x/crypto/hkdf
            # example.com/old v1.0.0 => ../fork
            example.com/old/pkg
            # example.com/unused v1.0.0
            ## explicit
            """);
        Assert.Equal(3, v.Modules.Count);
        Assert.Equal("1.17", v.Modules[0].GoVersion);
        Assert.True(v.Modules[0].Explicit);
        Assert.Equal("golang.org/x/crypto", v.ModuleOf("golang.org/x/crypto/hkdf")!.Path);
        Assert.Equal("../fork", v.ModuleOf("example.com/old/pkg")!.Replace!.NewPath);
        Assert.Empty(v.Modules[2].Packages);
        Assert.Null(v.ModuleOf("golang.org/x/crypto"));
    }

    [SkippableFact]
    public void GoRootsOwnVendorModulesTxtParses()
    {
        var goroot = GoEnvironment.GoRootCandidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "src", "vendor", "modules.txt")));
        Skip.If(goroot is null, "no GOROOT with src/vendor/modules.txt");
        var v = VendorModules.ReadIfExists(Path.Combine(goroot!, "src", "vendor"))!;
        // Every listed package is a directory of GOROOT/src/vendor.
        Assert.NotEmpty(v.Modules);
        foreach (var pkg in v.Modules.SelectMany(m => m.Packages))
            Assert.True(Directory.Exists(Path.Combine(goroot!, "src", "vendor", pkg)), pkg);
    }
}
