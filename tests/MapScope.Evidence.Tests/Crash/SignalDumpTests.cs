using MapScope.Evidence.Crash;
using MapScope.Reports.Crash;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>
/// Dumps the runtime prints on a signal (tests/fixtures/crash/sigquit: kill -QUIT of a hung program,
/// Go 1.24 with gp=/m=/mp= headers, fp=/sp=/pc= suffixes, a PC= line and a register block) and under
/// GOTRACEBACK=crash, and the maps.Clone race of Go 1.24.
/// </summary>
public class SignalDumpTests
{
    /// <summary>The 1-based line of the "// WAITS" comment of the sigquit program's <paramref name="function"/>.</summary>
    private static int WaitLine(string function)
    {
        var lines = File.ReadAllLines(Path.Combine(CrashFixtureTests.FixtureDir, "sigquit", "main.go"));
        int start = Array.FindIndex(lines, l => l.StartsWith($"func {function}(", StringComparison.Ordinal));
        return Array.FindIndex(lines, start, l => l.Contains("// WAITS")) + 1;
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void SigquitDumpIsReadWholeWithItsRegisterBlock(string release)
    {
        var log = CrashFixtureTests.ReadLog("sigquit", release: release);
        var dump = Assert.Single(log.Dumps);
        Assert.Equal("SIGQUIT: quit", dump.Message);
        Assert.Equal(CrashKind.OtherFatal, dump.Kind);
        Assert.StartsWith("PC=0x", dump.Details[0]);
        Assert.Equal(0, log.Lines.Unknown); // "rax    0x0" … "gs     0x0" belong to the dump
        Assert.False(dump.Truncated);
        // main sent the signal from its own code: the culprit is main.main, reached through syscall.Kill.
        Assert.Equal("main.main", dump.Culprit?.Function);
        Assert.Equal("syscall.Kill", dump.LibraryCall?.Function);
        var workers = dump.Groups[0];
        Assert.Equal(200, workers.Count);
        var worker = workers.Representative.Frames.First(f => f.IsApplicationCode);
        Assert.Equal(("main.worker", WaitLine("worker")), (worker.Function, worker.Line));
        Assert.True(workers.Representative.Frames.ToList().IndexOf(worker) >= 5, "runtime and sync frames come first");
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void TextReportShowsEachGroupsFirstApplicationFrame(string release)
    {
        var w = new StringWriter();
        CrashTextReport.Write(CrashFixtureTests.ReadLog("sigquit", release: release), "crash.log", w);
        var lines = w.ToString().Split('\n');
        int group = Array.FindIndex(lines, l => l.Contains("   200 x [", StringComparison.Ordinal));
        Assert.True(group >= 0, w.ToString());
        var shown = lines.Skip(group + 1).TakeWhile(l => l.StartsWith("           ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("           … ", shown[0]);
        Assert.Contains(shown, l => l.Trim() == $"main.worker mapscope.test/crash/sigquit/main.go:{WaitLine("worker")}");
        Assert.Contains(shown, l => l.Trim().StartsWith("sync.(*Mutex).Lock ", StringComparison.Ordinal)); // what it waits in
        // A group whose user frame is within the first frames is printed from its top, as before.
        int listeners = Array.FindIndex(lines, l => l.Contains("    20 x [chan receive]", StringComparison.Ordinal));
        Assert.StartsWith("runtime.gopark ", lines[listeners + 1].Trim());
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void GotracebackCrashShowsRuntimeFramesAndHeaders(string release)
    {
        var log = CrashFixtureTests.ReadLog("writes", "crash-crash.log", release);
        var dump = Assert.Single(log.Dumps);
        Assert.Equal("runtime.fatal", dump.Crashing!.Frames[0].Function);
        Assert.Equal(0, log.Lines.Unknown);
        // Every goroutine, system ones included (GOTRACEBACK=crash implies system).
        Assert.Contains(dump.Groups, g => g.Representative.Frames.Any(f => f.Function == "runtime.forcegchelper"));
    }

    [Fact]
    public void CloneRaceNamesTheCallerAndTheCloneOperation()
    {
        var dump = CrashFixtureTests.ReadLog("clonewrite", release: "1.24").Dumps[0];
        Assert.Equal(CrashKind.ConcurrentMapIterationAndWrite, dump.Kind);
        Assert.Equal("main.snapshot", dump.Culprit?.Function);
        Assert.Equal(CrashFixtureTests.CulpritLine("clonewrite"), dump.Culprit?.Line);
        Assert.Equal("maps.Clone[...]", dump.LibraryCall?.Function);
        Assert.Equal("clone", dump.Operation);
        var explain = CrashDescriptions.Explain(dump);
        Assert.Contains("maps.Clone", explain);
        Assert.DoesNotContain("range loop", explain);
    }

    [Theory]
    [InlineData("maps.Copy[...]", "copy")]
    [InlineData("maps.Collect[...]", "collect")]
    [InlineData("maps.Keys[...].func1", "iterate")]
    [InlineData("encoding/json.Marshal", null)]
    public void TheMapsHelperNamesTheOperation(string library, string? operation)
    {
        var text = $"fatal error: concurrent map iteration and map write\n\ngoroutine 7 [running]:\ninternal/runtime/maps.fatal({{0x1, 0x2}})\n\truntime/panic.go:1058 +0x18\n{library}(...)\n\tlib/x.go:10\nmain.save(0xc000010000)\n\t/src/app/save.go:42 +0x8b\n";
        var dump = CrashReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))).Dumps[0];
        Assert.Equal(("main.save", 42), (dump.Culprit?.Function, dump.Culprit?.Line));
        Assert.Equal(library, dump.LibraryCall?.Function);
        Assert.Equal(operation, dump.Operation);
    }

    [Fact]
    public void AModuleWithoutADotIsNotMistakenForTheStandardLibrary()
    {
        var text = "panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmyapp/store.(*DB).Put(...)\n\t/src/myapp/store/db.go:21\nmain.main()\n\t/src/myapp/main.go:9 +0x1d\n";
        var dump = CrashReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))).Dumps[0];
        Assert.Equal("myapp/store.(*DB).Put", dump.Culprit?.Function);
        Assert.Null(dump.LibraryCall);
    }
}
