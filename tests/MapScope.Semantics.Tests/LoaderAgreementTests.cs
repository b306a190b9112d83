using System.Diagnostics;
using MapScope.Semantics.Loading;
using MapScope.TestSupport;
using Xunit.Abstractions;

namespace MapScope.Semantics.Tests;

/// <summary>
/// The directory loader (no go command) must select the same files (tests included) and resolve the same
/// imports as <c>go list</c> of the same toolchain — on all of std for several targets and on the bundled
/// example module — for every supported Go release: file-name suffixes, the unix tag and the goexperiment
/// and feature-level tags all change between releases.
/// </summary>
public class LoaderAgreementTests(ITestOutputHelper output)
{
    // Pin the target so that both loaders answer the same question whatever the environment says.
    private static LoadOptions Options(string dir, string goos = "linux", string goarch = "amd64", bool cgo = true) =>
        new() { WorkingDirectory = dir, GoOS = goos, GoArch = goarch, CgoEnabled = cgo };

    private LoaderComparison CompareOn(GoInstall go, string pattern, LoadOptions options)
    {
        var sw = Stopwatch.StartNew();
        var expected = new GoListLoader(go.Go).Load([pattern], options);
        var goListTime = sw.Elapsed;
        sw.Restart();
        var actual = new DirectoryLoader(o => GoEnvironment.From(n => n == "GOROOT" ? go.GoRoot : Environment.GetEnvironmentVariable(n), o)).Load([pattern], options);
        var dirTime = sw.Elapsed;
        Assert.Empty(expected.Errors);
        var cmp = LoaderComparison.Compare(expected, actual);
        output.WriteLine($"{go}: {pattern} in {options.WorkingDirectory} ({options.GoOS}/{options.GoArch}, cgo={options.CgoEnabled}, deps={options.IncludeDependencies}): {cmp.Packages} packages, {cmp.Files} files, {cmp.Mismatches.Count} mismatches; go list {goListTime.TotalMilliseconds:F0} ms, directory loader {dirTime.TotalMilliseconds:F0} ms");
        foreach (var m in cmp.Mismatches.Take(50)) output.WriteLine("  " + m);
        return cmp;
    }

    public static TheoryData<string, string, string, bool> Targets()
    {
        var data = new TheoryData<string, string, string, bool>();
        (string, string, bool)[] targets =
        [
            ("linux", "amd64", true), ("windows", "amd64", false), ("darwin", "arm64", true), ("js", "wasm", false),
            ("wasip1", "wasm", false), ("linux", "386", false), ("linux", "arm", false), ("openbsd", "amd64", false),
            ("plan9", "amd64", false), ("android", "arm64", false),
        ];
        foreach (var release in GoToolchain.Supported)
            foreach (var (goos, goarch, cgo) in targets)
                if (goos != "wasip1" || GoVersions.Minor(release) >= 21) // wasip1 is a port of Go 1.21
                    data.Add(release, goos, goarch, cgo);
        return data;
    }

    /// <summary>Other targets exercise other file-name suffixes and constraints (and cgo off drops cgo files and runtime/cgo).</summary>
    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public void StandardLibraryAgrees(string release, string goos, string goarch, bool cgo)
    {
        var go = GoToolchain.Require(release);
        var cmp = CompareOn(go, "std", Options(Path.GetTempPath(), goos, goarch, cgo));
        Assert.True(cmp.Packages > 200, $"only {cmp.Packages} std packages");
        Assert.True(cmp.Files > 1000, $"only {cmp.Files} std files");
        Assert.Empty(cmp.Mismatches);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void ExampleModuleWithDependenciesAgrees(string release)
    {
        var go = GoToolchain.Require(release);
        var dir = RepoPaths.Combine("examples");
        var cmp = CompareOn(go, "./...", Options(dir) with { IncludeDependencies = true });
        Assert.True(cmp.Packages > 40, $"only {cmp.Packages} packages with dependencies");
        Assert.Empty(cmp.Mismatches);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void ExampleModuleAgrees(string release)
    {
        var go = GoToolchain.Require(release);
        var cmp = CompareOn(go, "./...", Options(RepoPaths.Combine("examples")));
        Assert.True(cmp.Packages >= 4, $"only {cmp.Packages} packages");
        Assert.Empty(cmp.Mismatches);
    }
}
