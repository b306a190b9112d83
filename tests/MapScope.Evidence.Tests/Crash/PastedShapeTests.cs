using System.Text;
using MapScope.Evidence.Crash;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>
/// Shapes seen in dumps pasted into public threads (docs/evidence-variants.md lists the threads), rebuilt
/// from our own fixtures so that no third-party text is committed.
/// </summary>
public class PastedShapeTests
{
    private static string Fixture(string program, string release = "1.24") =>
        File.ReadAllText(Path.Combine(FixtureArtifacts.Dir(release, "crash", program), "crash.log"));

    private static CrashLog Read(string text) => CrashReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    /// <summary>docker service logs: "svc.1.taskid@node    | " on every line, two tasks interleaved.</summary>
    [Fact]
    public void DockerSwarmTaskPrefixesAreSourcesToo()
    {
        var log = Read(PasteVariants.Interleave(Fixture("writes"), "api.1.ncnc3bnddh65@node1", Fixture("nilmap"), "api.1.ubjug9usvfo0@node2"));
        Assert.Equal(2, log.Dumps.Count);
        Assert.Equal(CrashKind.ConcurrentMapWrites, log.Dumps.Single(d => d.Source == "api.1.ncnc3bnddh65@node1").Kind);
        Assert.Equal(CrashKind.NilMapAssignment, log.Dumps.Single(d => d.Source == "api.1.ubjug9usvfo0@node2").Kind);
    }

    /// <summary>A selection that missed the first characters of the message ("atal error: …").</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void AMapFatalErrorWithItsHeadCutIsStillNamed(int lost)
    {
        var text = Fixture("readwrite")[lost..];
        var dump = Assert.Single(Read(text).Dumps);
        Assert.Equal(CrashKind.ConcurrentMapReadAndWrite, dump.Kind);
        Assert.Equal("fatal error: concurrent map read and map write", dump.Message);
        Assert.Equal("main.reader", dump.Culprit?.Function);
    }

    [Fact]
    public void ProseEndingInAMapFatalTextIsNotAMessage()
    {
        var log = Read("we keep seeing concurrent map writes\n");
        Assert.Empty(log.Dumps);
    }

    /// <summary>net/http recovers a handler's panic and logs "http: panic serving ADDR: VALUE" before the stack.</summary>
    [Theory]
    [InlineData("runtime error: hash of unhashable type []string", "[]string")]
    [InlineData("hash of unhashable type: []string", "[]string")]
    public void NetHttpRecoveredPanicsAreRead(string value, string type)
    {
        var stack = Fixture("unhashable");
        var body = stack[stack.IndexOf("goroutine ", StringComparison.Ordinal)..];
        var text = $"2024/05/06 07:08:09 http: panic serving 10.1.2.3:54321: {value}\n{body}";
        var dump = Assert.Single(Read(text).Dumps);
        Assert.Equal(CrashKind.UnhashableKey, dump.Kind);
        Assert.Equal(type, dump.UnhashableType);
        Assert.Equal("main.remember", dump.Culprit?.Function);
    }

    /// <summary>A paste that starts in the middle of a stack: its frames are kept as a goroutine of unknown id, flagged truncated.</summary>
    [Fact]
    public void APasteStartingMidStackKeepsItsFrames()
    {
        var text = Fixture("goroutines");
        int second = text.IndexOf("\ngoroutine ", text.IndexOf("goroutine ", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        // Start one line after that header: the next goroutine's first function line.
        int start = text.IndexOf('\n', second + 1) + 1;
        var log = Read(text[start..]);
        var dump = Assert.Single(log.Dumps);
        Assert.True(dump.Truncated);
        var headless = dump.Groups.Select(g => g.Representative).Single(g => g.Id == -1);
        Assert.NotEmpty(headless.Frames);
        Assert.All(headless.Frames, f => Assert.True(f.Line > 0));
        Assert.Equal(0, log.Lines.Unknown);
    }

    [Fact]
    public void AFunctionLikeLineWithoutAFileLineIsNotAStack()
    {
        var log = Read("starting worker(3)\nready\n");
        Assert.Empty(log.Dumps);
        Assert.Equal(2, log.Lines.Unknown);
    }

    /// <summary>Go module frames whose host starts with a standard package name ("go.opentelemetry.io") are application code.</summary>
    [Theory]
    [InlineData("go.opentelemetry.io/otel/sdk/trace.(*recordingSpan).End", false)]
    [InlineData("go/ast.Walk", true)]
    [InlineData("net/http.(*conn).serve.func1", true)]
    [InlineData("sync.(*Mutex).Lock", true)]
    [InlineData("main.main", false)]
    [InlineData("myapp/store.(*DB).Put", false)]
    [InlineData("github.com/x/y.F", false)]
    public void StandardLibraryFramesAreKnownByTheirTopLevelPackage(string function, bool standard)
    {
        Assert.Equal(standard, new Frame(function, "x.go", 1).IsStandardLibrary);
    }
}
