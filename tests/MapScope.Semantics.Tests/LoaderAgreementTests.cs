using System.Diagnostics;
using MapScope.Semantics.Loading;
using MapScope.TestSupport;
using Xunit.Abstractions;

namespace MapScope.Semantics.Tests;

/// <summary>
/// The directory loader (no go command) must select the same files and resolve the same imports as
/// <c>go list</c> — on all of std and on the bundled example module.
/// </summary>
public class LoaderAgreementTests(ITestOutputHelper output)
{
    // Pin the target so that both loaders answer the same question whatever the environment says.
    private static LoadOptions Options(string dir, string goos = "linux", string goarch = "amd64", bool cgo = true) =>
        new() { WorkingDirectory = dir, GoOS = goos, GoArch = goarch, CgoEnabled = cgo };

    private LoaderComparison CompareOn(string dir, string pattern, LoadOptions? options = null)
    {
        var go = GoToolchain.Require();
        var goroot = GoToolchain.GoRoot!;
        options ??= Options(dir);
        var sw = Stopwatch.StartNew();
        var expected = new GoListLoader(go).Load([pattern], options);
        var goListTime = sw.Elapsed;
        sw.Restart();
        var actual = new DirectoryLoader(o => GoEnvironment.From(n => n == "GOROOT" ? goroot : Environment.GetEnvironmentVariable(n), o)).Load([pattern], options);
        var dirTime = sw.Elapsed;
        Assert.Empty(expected.Errors);
        var cmp = LoaderComparison.Compare(expected, actual);
        output.WriteLine($"{pattern} in {dir} ({options.GoOS}/{options.GoArch}, cgo={options.CgoEnabled}, deps={options.IncludeDependencies}): {cmp.Packages} packages, {cmp.Files} files, {cmp.Mismatches.Count} mismatches; go list {goListTime.TotalMilliseconds:F0} ms, directory loader {dirTime.TotalMilliseconds:F0} ms");
        foreach (var m in cmp.Mismatches.Take(50)) output.WriteLine("  " + m);
        return cmp;
    }

    [SkippableFact]
    public void StandardLibraryAgrees()
    {
        var cmp = CompareOn(Path.GetTempPath(), "std");
        Assert.True(cmp.Packages > 200, $"only {cmp.Packages} std packages");
        Assert.True(cmp.Files > 1000, $"only {cmp.Files} std files");
        Assert.Empty(cmp.Mismatches);
    }

    /// <summary>Other targets exercise other file-name suffixes and constraints (and cgo off drops cgo files and runtime/cgo).</summary>
    [SkippableTheory]
    [InlineData("windows", "amd64", false)]
    [InlineData("darwin", "arm64", true)]
    [InlineData("js", "wasm", false)]
    [InlineData("linux", "386", false)]
    [InlineData("openbsd", "amd64", false)]
    [InlineData("plan9", "amd64", false)]
    [InlineData("android", "arm64", false)]
    public void StandardLibraryAgreesOnOtherTargets(string goos, string goarch, bool cgo)
    {
        var cmp = CompareOn(Path.GetTempPath(), "std", Options(Path.GetTempPath(), goos, goarch, cgo));
        Assert.True(cmp.Packages > 200, $"only {cmp.Packages} std packages");
        Assert.Empty(cmp.Mismatches);
    }

    [SkippableFact]
    public void ExampleModuleWithDependenciesAgrees()
    {
        var dir = RepoPaths.Combine("examples");
        var cmp = CompareOn(dir, "./...", Options(dir) with { IncludeDependencies = true });
        Assert.True(cmp.Packages > 40, $"only {cmp.Packages} packages with dependencies");
        Assert.Empty(cmp.Mismatches);
    }

    [SkippableFact]
    public void ExampleModuleAgrees()
    {
        var cmp = CompareOn(RepoPaths.Combine("examples"), "./...");
        Assert.True(cmp.Packages >= 4, $"only {cmp.Packages} packages");
        Assert.Empty(cmp.Mismatches);
    }
}
