using MapScope.Evidence.Escape;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Escape;

/// <summary>
/// Escape analysis of tests/fixtures/escape/maps (see ../regen.sh), recorded with Go 1.19 and Go 1.24
/// (layout: <see cref="FixtureArtifacts"/>). Every case in main.go is marked with a comment (// GLOBAL,
/// // RETURNED, …); expected lines come from those markers.
/// </summary>
public class EscapeFixtureTests
{
    private static string Dir => RepoPaths.Combine("tests", "fixtures", "escape", "maps");

    private static int Marked(string marker) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Dir, "main.go")), l => l.Contains("// " + marker)) + 1;

    private static int DeclarationOf(string variable) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Dir, "main.go")), l => l.StartsWith($"var {variable} = ")) + 1;

    private static EscapeLog ReadText(string name, string release)
    {
        using var f = File.OpenRead(Path.Combine(FixtureArtifacts.Dir(release, "escape", "maps"), name));
        return EscapeTextReader.Read(f);
    }

    internal static void AssertMapReasons(EscapeLog log)
    {
        var byLine = log.Maps.ToDictionary(m => m.Position.Line, m => m.Reason);
        Assert.Equal(MapEscapeReason.AssignedToGlobal, byLine[Marked("GLOBAL")]);
        Assert.Equal(MapEscapeReason.Returned, byLine[Marked("RETURNED")]);
        Assert.Equal(MapEscapeReason.CapturedByClosure, byLine[Marked("CAPTURED")]);
        Assert.Equal(MapEscapeReason.StoredInMap, byLine[Marked("STORED")]);
        Assert.Equal(MapEscapeReason.Returned, byLine[Marked("LITERAL")]);
        // Package-level map literals are assigned to their variables.
        Assert.Equal(MapEscapeReason.AssignedToGlobal, byLine[DeclarationOf("byTenant")]);
        Assert.Equal(MapEscapeReason.AssignedToGlobal, byLine[DeclarationOf("cache")]);
        Assert.Equal(7, log.Maps.Count);
        Assert.DoesNotContain(Marked("LOCAL"), byLine.Keys);
        Assert.All(log.Maps, m => Assert.EndsWith("main.go", m.Position.File));
    }

    internal static void AssertLeaks(EscapeLog log)
    {
        var leaks = log.Leaks.Select(l => (l.What, l.Kind, l.MapExpression, l.At?.Line)).ToList();
        Assert.Contains(("parameter key", MapLeakKind.KeyOfMapPut, "cache", Marked("KEY/VALUE")), leaks);
        Assert.Contains(("&Heavy{}", MapLeakKind.ValueOfMapPut, "cache", Marked("KEY/VALUE")), leaks);
        Assert.Contains(("parameter name", MapLeakKind.KeyOfMapPut, "byTenant", Marked("STORED") + 1), leaks);
        Assert.Contains(("parameter k", MapLeakKind.KeyOfMapPut, "seen", Marked("CAPTURED") + 2), leaks);
        Assert.Contains(("parameter a", MapLeakKind.MapLiteralKey, "map[*Heavy]*Heavy{...}", Marked("LITERAL")), leaks);
        Assert.Contains(("parameter b", MapLeakKind.MapLiteralValue, "map[*Heavy]*Heavy{...}", Marked("LITERAL")), leaks);
        Assert.Equal(6, leaks.Count);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void M2TextGivesEachMapItsReason(string release)
    {
        var log = ReadText("m2.log", release);
        AssertMapReasons(log);
        Assert.Equal(Marked("LOCAL"), Assert.Single(log.StackMaps).Position.Line);
        Assert.Equal(0, log.Lines.Unknown);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void M2TextListsKeysAndValuesLeakingIntoMaps(string release) => AssertLeaks(ReadText("m2.log", release));

    /// <summary>
    /// With -trimpath, Go 1.19 prints positions relative to the package ("./main.go:20:17"), Go 1.24 with
    /// the module path ("mapscope.test/escape/maps/main.go:20:17"); both name the same line.
    /// </summary>
    [Theory]
    [InlineData("1.19", "./main.go")]
    [InlineData("1.24", "mapscope.test/escape/maps/main.go")]
    public void PositionsAreWrittenTheWayTheReleasePrintsThem(string release, string file)
    {
        foreach (var name in new[] { "m1.log", "m2.log" })
            Assert.All(ReadText(name, release).Maps, m => Assert.Equal(file, m.Position.File));
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void DecidingStepIsTheFlowLineThatSaysWhy(string release)
    {
        var global = ReadText("m2.log", release).Maps.Single(m => m.Position.Line == Marked("GLOBAL"));
        Assert.Equal("registry = make(map[string]int)", global.DecidingStep?.Expression);
        Assert.Equal("{heap}", global.DecidingStep?.Destination);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void M1TextFindsTheSameMapsWithoutReasons(string release)
    {
        var log = ReadText("m1.log", release);
        Assert.Equal(7, log.Maps.Count);
        Assert.All(log.Maps, m => Assert.Equal(MapEscapeReason.Unknown, m.Reason));
        Assert.Empty(log.Leaks); // -m alone does not say where parameters leak
    }

    /// <summary>
    /// Go 1.24 also writes type.json: diagnostics of sync/atomic/type.go's generic methods, instantiated
    /// and inlined into package main (fmt.Println's inlined body). They hold no map.
    /// </summary>
    [Theory]
    [InlineData("1.19", 1)]
    [InlineData("1.24", 2)]
    public void JsonDirectoryGivesTheSameAnswersAsM2(string release, int files)
    {
        var log = EscapeJsonReader.ReadDirectory(Path.Combine(FixtureArtifacts.Dir(release, "escape", "maps"), "json"));
        AssertMapReasons(log);
        AssertLeaks(log);
        Assert.Equal(files, log.Lines.Files);
        Assert.Equal(0, log.Lines.Unknown);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void RegeneratedOutputReachesTheSameConclusions(string release)
    {
        var go = GoToolchain.Require(release);
        var tmp = Directory.CreateTempSubdirectory("mapscope-escape");
        try
        {
            // A fresh GOCACHE: a cached build prints no diagnostics and writes no -json files.
            var env = go.Env(new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GOCACHE"] = Path.Combine(tmp.FullName, "gocache") });
            var psi = new System.Diagnostics.ProcessStartInfo(go.Go, $"build -trimpath -o {Path.Combine(tmp.FullName, "maps")} -gcflags=-m=2 .")
            { WorkingDirectory = Dir, RedirectStandardError = true, UseShellExecute = false };
            foreach (var (k, v) in env) psi.Environment[k] = v;
            using var p = System.Diagnostics.Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            var log = EscapeTextReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stderr)));
            AssertMapReasons(log);
            AssertLeaks(log);

            var json = Path.Combine(tmp.FullName, "json");
            GoToolchain.Run(go, $"build -trimpath -a -o {Path.Combine(tmp.FullName, "maps")} -gcflags=-json=0,{json} .", Dir, env);
            var fromJson = EscapeJsonReader.ReadDirectory(json);
            AssertMapReasons(fromJson);
            AssertLeaks(fromJson);
        }
        finally
        {
            tmp.Delete(recursive: true);
        }
    }
}
