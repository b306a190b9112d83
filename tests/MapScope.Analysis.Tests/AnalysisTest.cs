using System.Runtime.ExceptionServices;
using MapScope.Analysis.Framework;
using MapScope.Semantics.Checking;
using MapScope.Semantics.Loading;
using MapScope.TestSupport;

namespace MapScope.Analysis.Tests;

/// <summary>What one analyzer reported on a testdata module, the expectations found there, and the mismatches.</summary>
public sealed record AnalysisResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Want> Wants, IReadOnlyList<string> Problems);

/// <summary>
/// analysistest for mapscope: runs an analyzer on every package of a small Go module (testdata/go.mod,
/// <c>module example.com/testdata</c>) and checks its diagnostics against the <c>// want "regexp"</c>
/// comments in the files. Usage in a rule's test:
/// <code>[SkippableFact] public void Testdata() => AnalysisTest.Run(new NilMapWrite(), AnalysisTest.Testdata("NilMapWrite"));</code>
/// Testdata that imports the standard library needs GOROOT/src: the test is skipped without it
/// (and fails under MAPSCOPE_REQUIRE_GO=1).
/// </summary>
public static class AnalysisTest
{
    /// <summary>src/MapScope.Analysis/Rules/&lt;ruleFolder&gt;/testdata of this repository.</summary>
    public static string Testdata(string ruleFolder) => RepoPaths.Combine("src", "MapScope.Analysis", "Rules", ruleFolder, "testdata");

    /// <summary>Runs the analyzer and fails the test, listing file:line and messages, on any mismatch.</summary>
    public static IReadOnlyList<Diagnostic> Run(Analyzer analyzer, string testdataDir)
    {
        var result = Analyze(analyzer, testdataDir);
        if (result.Problems.Count > 0)
            Assert.Fail($"{analyzer.Id} on {testdataDir}: {result.Problems.Count} problem(s)\n" + string.Join("\n", result.Problems));
        return result.Diagnostics;
    }

    /// <summary>Runs the analyzer and returns what happened without asserting (the harness's own tests use this).</summary>
    public static AnalysisResult Analyze(Analyzer analyzer, string testdataDir)
    {
        var dir = Path.GetFullPath(testdataDir);
        if (!File.Exists(Path.Combine(dir, "go.mod"))) throw new ArgumentException($"{dir} has no go.mod: testdata must be a module (module example.com/testdata)");

        // Pin the platform so testdata means the same everywhere; cgo off keeps std pure Go.
        var options = new LoadOptions { WorkingDirectory = dir, GoOS = "linux", GoArch = "amd64", CgoEnabled = false };
        var loader = new DirectoryLoader(o => GoEnvironment.From(Env, o));
        var targets = loader.Load(["./..."], options);
        if (targets.Packages.Any(ImportsStandardLibrary))
        {
            GoToolchain.RequireGoRootSrc();
            targets = loader.Load(["./..."], options);
        }

        List<string> problems = [.. targets.Errors.Select(e => "load: " + e)];
        if (targets.Packages.Count == 0) problems.Add($"load: no packages in {dir}");
        foreach (var p in targets.Packages)
            problems.AddRange(p.Errors.Select(e => $"load: {p.ImportPath}: {e}"));
        var all = loader.Load(["./..."], options with { IncludeDependencies = true });

        List<(string File, Diagnostic D)> diagnostics = [];
        List<Want> wants = [];
        Exception? failure = null;
        // Checking recurses over nesting: give it the deep stack the CLI uses.
        var worker = new Thread(() =>
        {
            try
            {
                var program = new ProgramChecker(all.Packages.Count > 0 ? all.Packages : targets.Packages);
                program.ParseAll();
                foreach (var p in targets.Packages.OrderBy(p => p.ImportPath, StringComparer.Ordinal))
                {
                    if (program.Check(p) is not { } checker) continue;
                    foreach (var f in checker.Files)
                    {
                        var display = Display(dir, f.Path);
                        problems.AddRange(f.Errors.Select(e => $"{display}:{f.Lines.Position(e.Offset).Line}: syntax error: {e.Message}"));
                        var (w, errors) = WantComments.Parse(f, display);
                        wants.AddRange(w);
                        problems.AddRange(errors);
                    }
                    var pass = new Pass(analyzer, checker, analyzer.DefaultSeverity, d => diagnostics.Add((Display(dir, d.File), d)), new FactStore());
                    analyzer.Run(pass);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 256 << 20);
        worker.Start();
        worker.Join();
        if (failure != null) ExceptionDispatchInfo.Capture(failure).Throw();

        foreach (var (file, d) in diagnostics.Where(d => d.D.RuleId != analyzer.Id))
            problems.Add($"{file}:{d.Line}: diagnostic has rule id {d.RuleId}, the analyzer's id is {analyzer.Id}");
        problems.AddRange(Expectations.Compare(wants, diagnostics));
        return new AnalysisResult(diagnostics.Select(d => d.D).ToList(), wants, problems);
    }

    private static string? Env(string name) =>
        name == "GOROOT" && GoToolchain.Go != null && GoToolchain.GoRoot is { Length: > 0 } root ? root : Environment.GetEnvironmentVariable(name);

    /// <summary>An import whose first element has no dot is the standard library's (as the go command decides).</summary>
    private static bool ImportsStandardLibrary(GoPackage p) =>
        p.Imports.Concat(p.UnresolvedImports).Any(i => i != "C" && !i.Split('/')[0].Contains('.'));

    private static string Display(string dir, string path) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(dir, path).Replace('\\', '/') : path;
}
