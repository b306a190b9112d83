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
