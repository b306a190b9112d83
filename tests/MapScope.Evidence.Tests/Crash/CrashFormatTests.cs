using MapScope.Evidence.Crash;
using System.Text;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>
/// Dump shapes Go 1.19 cannot produce, written by hand from the runtime's print statements (facts.md):
/// Swiss-map and maps.Clone crashes (Go 1.21+/1.24+), "created by … in goroutine N" (1.21+),
/// "gp=… m=… mp=…" headers (1.23+), plus header variants, elided frames, truncation and several dumps.
/// </summary>
public class CrashFormatTests
{
    private static CrashLog Read(string text) => CrashReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private const string SwissCrash = """
        fatal error: small map with no empty slot (concurrent map writes?)

        goroutine 34 gp=0xc000104380 m=5 mp=0xc000100008 [running]:
        internal/runtime/maps.fatal({0x4b3a51?, 0x0?})
        	/usr/local/go/src/runtime/panic.go:1058 +0x18
        internal/runtime/maps.(*Map).putSlotSmall(0xc0000a4000, 0x4a2b20, 0xc0000121b0?, 0xc000012200)
        	/usr/local/go/src/internal/runtime/maps/map.go:521 +0x245
        runtime.mapassign_faststr(0x4a2b20, 0xc0000a4000, {0x4b2d1a, 0x3})
        	/usr/local/go/src/internal/runtime/maps/runtime_faststr_swiss.go:263 +0x1b8
        example.com/svc/cache.(*Store).Put(...)
        	/src/svc/cache/store.go:42
        example.com/svc/api.handle(0xc00001c0e0)
        	/src/svc/api/handler.go:17 +0x7a
        created by example.com/svc/api.Serve in goroutine 1
        	/src/svc/api/serve.go:30 +0x3c

        goroutine 1 gp=0xc000002380 m=nil [chan receive, 3 minutes, locked to thread]:
        main.main()
        	/src/svc/main.go:12 +0x3d
        """;

    [Fact]
    public void SwissMapCrashSkipsInternalRuntimeFrames()
    {
        var dump = Assert.Single(Read(SwissCrash).Dumps);
        Assert.Equal(CrashKind.SwissMapNoEmptySlot, dump.Kind);
        Assert.Equal(new Frame("example.com/svc/cache.(*Store).Put", "/src/svc/cache/store.go", 42), dump.Culprit);
        var crashing = dump.Crashing!;
        Assert.Equal(34, crashing.Id);
        Assert.Equal("running", crashing.State);
        Assert.Equal(1, crashing.CreatorGoroutine);
        Assert.Equal(new Frame("example.com/svc/api.Serve", "/src/svc/api/serve.go", 30), crashing.CreatedBy);
        var main = dump.Groups.Single(g => g.Representative.Id == 1).Representative;
        Assert.Equal(("chan receive", 3, true), (main.State, main.WaitMinutes, main.LockedToThread));
    }

    [Fact]
    public void CloneCrashIsRecognized()
    {
        var dump = Read("""
            fatal error: concurrent map clone and map write

            goroutine 7 [running]:
            maps.clone({0x4a8f60?, 0xc000076150?})
            	/usr/local/go/src/runtime/map.go:1519 +0x25
            maps.Clone[...](...)
            	/usr/local/go/src/maps/maps.go:42
            main.snapshot(...)
            	/src/app/main.go:21
            main.main.func1()
            	/src/app/main.go:30 +0x45
            created by main.main in goroutine 1
            	/src/app/main.go:28 +0x7e
            """).Dumps.Single();
        Assert.Equal(CrashKind.ConcurrentMapCloneAndWrite, dump.Kind);
        // maps.Clone[...] is the standard library's generic wrapper; the map it clones is main.snapshot's.
        Assert.Equal(new Frame("main.snapshot", "/src/app/main.go", 21), dump.Culprit);
    }

    [Theory]
    [InlineData("goroutine 5 [running (scan)]:", "running", 0, false, true)]
    [InlineData("goroutine 5 [chan receive (nil chan), 12 minutes]:", "chan receive (nil chan)", 12, false, false)]
    [InlineData("goroutine 5 [syscall, locked to thread]:", "syscall", 0, true, false)]
    [InlineData("goroutine 5 [select, 1 minutes, locked to thread]:", "select", 1, true, false)]
    [InlineData("goroutine 5 gp=0xc000007a40 m=nil [sync.WaitGroup.Wait, 90 minutes]:", "sync.WaitGroup.Wait", 90, false, false)]
    public void HeaderVariantsAreParsed(string header, string state, int minutes, bool locked, bool scanning)
    {
        var g = Read(header + "\nmain.f()\n\t/x/main.go:3 +0x1\n").Dumps.Single().Groups.Single().Representative;
        Assert.Equal((5L, state, minutes, locked, scanning), (g.Id, g.State, g.WaitMinutes, g.LockedToThread, g.Scanning));
    }

    [Fact]
    public void ElidedFramesAndNestedPanicsAreKept()
    {
        var sb = new StringBuilder("panic: first [recovered]\n\tpanic: assignment to entry in nil map\n\ngoroutine 1 [running]:\n");
        for (int i = 0; i < 100; i++) sb.Append("main.recurse(0x").Append(i).Append(")\n\t/src/main.go:9 +0x1d\n");
        sb.Append("...additional frames elided...\n");
        var dump = Read(sb.ToString()).Dumps.Single();
        Assert.Equal(["panic: first [recovered]", "panic: assignment to entry in nil map"], dump.Messages);
        Assert.Equal(CrashKind.NilMapAssignment, dump.Kind); // the map panic wins over the generic one
        Assert.True(dump.Crashing!.FramesElided);
        Assert.Equal(100, dump.Crashing.Frames.Count);
    }

    [Fact]
    public void SeveralDumpsInOneLogAreSeparated()
    {
        const string crash = "fatal error: concurrent map writes\n\ngoroutine 9 [running]:\nmain.w()\n\t/src/main.go:5 +0x1\n\n";
        const string dump2 = "goroutine 1 [select]:\nmain.main()\n\t/src/main.go:20 +0x1\n\ngoroutine 2 [sleep]:\ntime.Sleep(0x1)\n\t/go/src/runtime/time.go:195 +0x1\n\n";
        var log = Read(dump2 + dump2 + "service starting\n" + crash + "exit status 2\nrestarted\n" + crash);
        Assert.Equal(4, log.Dumps.Count);
        Assert.Equal([CrashKind.GoroutineDump, CrashKind.GoroutineDump, CrashKind.ConcurrentMapWrites, CrashKind.ConcurrentMapWrites], log.Dumps.Select(d => d.Kind));
        Assert.Equal(3, log.Lines.Unknown); // "service starting", "exit status 2", "restarted"
        Assert.Equal(2, log.Dumps[1].GoroutineCount); // goroutine 1 seen again: a second debug=2 dump
    }

    [Fact]
    public void RepeatedFatalErrorLinesBelongToOneDump()
    {
        // Both racing goroutines may notice and print before the runtime stops.
        var log = Read("fatal error: concurrent map writes\nfatal error: concurrent map writes\n\ngoroutine 9 [running]:\nmain.w()\n\t/src/main.go:5 +0x1\n");
        Assert.Equal(2, Assert.Single(log.Dumps).Messages.Count);
    }

    [Theory]
    [InlineData("fatal error: concurrent map writes\n")]                                            // message only
    [InlineData("fatal error: concurrent map writes\n\ngoroutine 9 [running]:\n")]                   // header only
    [InlineData("fatal error: concurrent map writes\n\ngoroutine 9 [running]:\nmain.w()\n")]         // frame without its file line
    [InlineData("fatal error: concurrent map writes\n\ngoroutine 9 [running]:\nmain.w()\n\t/src/ma")] // cut inside the file line
    public void TruncatedDumpsAreMarked(string text)
    {
        var dump = Read(text).Dumps.Single();
        Assert.Equal(CrashKind.ConcurrentMapWrites, dump.Kind);
        Assert.True(dump.Truncated);
    }

    [Fact]
    public void RunningOnOtherThreadIsNotTruncation()
    {
        var dump = Read("SIGQUIT: quit\nPC=0x45e8c1 m=0 sigcode=0\n\ngoroutine 7 [running]:\n\tgoroutine running on other thread; stack unavailable\n\ngoroutine 1 [sleep]:\nmain.main()\n\t/src/main.go:3 +0x1\n").Dumps.Single();
        Assert.False(dump.Truncated);
        Assert.True(dump.Crashing!.StackUnavailable);
        Assert.Equal(["PC=0x45e8c1 m=0 sigcode=0"], dump.Details);
        Assert.Equal(CrashKind.OtherFatal, dump.Kind);
    }

    [Fact]
    public void SameFunctionAtDifferentLinesMakesDifferentGroups()
    {
        string G(int id, int line) => $"goroutine {id} [chan receive]:\nmain.wait(0x{id:x})\n\t/src/main.go:{line} +0x1\ncreated by main.main\n\t/src/main.go:40 +0x2\n\n";
        var dump = Read(G(3, 10) + G(4, 10) + G(5, 12) + G(6, 10)).Dumps.Single();
        Assert.Equal([3L, 1L], dump.Groups.Select(g => g.Count));
        Assert.Equal([3L, 4L, 6L], dump.Groups[0].Ids);
    }

    /// <summary>
    /// Both writers of a race can die at once (Go 1.19 here): the first traceback lists the other as
    /// running on another thread, then that goroutine prints its own stack. One crash, not two dumps.
    /// </summary>
    [Fact]
    public void SecondFatalGoroutineOfTheSameCrashStaysInTheDump()
    {
        var log = Read("""
            fatal error: concurrent map writes
            fatal error: concurrent map writes

            goroutine 1 [running]:
            main.writer(...)
            	mapscope.test/crash/smallmap/main.go:13
            main.main()
            	mapscope.test/crash/smallmap/main.go:22 +0x90

            goroutine 5 [running]:
            	goroutine running on other thread; stack unavailable
            created by main.main
            	mapscope.test/crash/smallmap/main.go:21 +0x58

            goroutine 5 [running]:
            main.writer(0x1)
            	mapscope.test/crash/smallmap/main.go:13 +0x4a
            created by main.main
            	mapscope.test/crash/smallmap/main.go:21 +0x58
            """);
        var dump = Assert.Single(log.Dumps);
        Assert.Equal(CrashKind.ConcurrentMapWrites, dump.Kind);
        Assert.Equal(2, dump.GoroutineCount);
        Assert.Equal([1L, 5L], dump.Groups.SelectMany(g => g.Ids).Order());
        Assert.False(dump.Groups.Single(g => g.Ids.Contains(5)).Representative.StackUnavailable);
        var other = Assert.Single(dump.OtherParties);
        Assert.Equal((5L, "main.writer", 13), (other.GoroutineId, other.Frame.Function, other.Frame.Line));
    }

    [Fact]
    public void AGoroutineSeenAgainWithAStackStartsANewDumpWhenItHadOne()
    {
        const string g5 = "goroutine 5 [running]:\nmain.w()\n\t/src/main.go:5 +0x1\n\n";
        Assert.Equal(2, Read(g5 + g5).Dumps.Count);
    }
}
