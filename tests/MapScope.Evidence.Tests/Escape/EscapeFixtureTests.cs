using MapScope.Evidence.Escape;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Escape;

/// <summary>
/// Escape analysis of tests/fixtures/escape/maps (see ../regen.sh), Go 1.19. Every case in main.go is
/// marked with a comment (// GLOBAL, // RETURNED, …); expected lines come from those markers.
/// </summary>
public class EscapeFixtureTests
{
    private static string Dir => RepoPaths.Combine("tests", "fixtures", "escape", "maps");

    private static int Marked(string marker) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Dir, "main.go")), l => l.Contains("// " + marker)) + 1;

    private static int DeclarationOf(string variable) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Dir, "main.go")), l => l.StartsWith($"var {variable} = ")) + 1;

    private static EscapeLog ReadText(string name)
    {
        using var f = File.OpenRead(Path.Combine(Dir, name));
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

    [Fact]
    public void M2TextGivesEachMapItsReason()
    {
        var log = ReadText("m2.log");
        AssertMapReasons(log);
        Assert.Equal(Marked("LOCAL"), Assert.Single(log.StackMaps).Position.Line);
        Assert.Equal(0, log.Lines.Unknown);
    }

    [Fact]
    public void M2TextListsKeysAndValuesLeakingIntoMaps() => AssertLeaks(ReadText("m2.log"));

    [Fact]
    public void DecidingStepIsTheFlowLineThatSaysWhy()
    {
        var global = ReadText("m2.log").Maps.Single(m => m.Position.Line == Marked("GLOBAL"));
        Assert.Equal("registry = make(map[string]int)", global.DecidingStep?.Expression);
        Assert.Equal("{heap}", global.DecidingStep?.Destination);
    }

    [Fact]
    public void M1TextFindsTheSameMapsWithoutReasons()
    {
        var log = ReadText("m1.log");
        Assert.Equal(7, log.Maps.Count);
        Assert.All(log.Maps, m => Assert.Equal(MapEscapeReason.Unknown, m.Reason));
        Assert.Empty(log.Leaks); // -m alone does not say where parameters leak
    }

    [Fact]
    public void JsonDirectoryGivesTheSameAnswersAsM2()
    {
        var log = EscapeJsonReader.ReadDirectory(Path.Combine(Dir, "json"));
        AssertMapReasons(log);
        AssertLeaks(log);
        Assert.Equal(1, log.Lines.Files);
        Assert.Equal(0, log.Lines.Unknown);
    }

    [SkippableFact]
    public void RegeneratedOutputReachesTheSameConclusions()
    {
        var go = GoToolchain.Require();
        var tmp = Directory.CreateTempSubdirectory("mapscope-escape");
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo(go, $"build -trimpath -o {Path.Combine(tmp.FullName, "maps")} -gcflags=-m=2 .")
            { WorkingDirectory = Dir, RedirectStandardError = true, UseShellExecute = false };
            using var p = System.Diagnostics.Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            var log = EscapeTextReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stderr)));
            AssertMapReasons(log);
            AssertLeaks(log);

            var json = Path.Combine(tmp.FullName, "json");
            GoToolchain.Run(go, $"build -trimpath -o {Path.Combine(tmp.FullName, "maps")} -gcflags=-json=0,{json} .", Dir);
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
