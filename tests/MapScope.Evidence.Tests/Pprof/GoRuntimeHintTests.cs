using MapScope.Evidence.Pprof;

namespace MapScope.Evidence.Tests.Pprof;

/// <summary>Which Go runtime, and so which map layout, a profile shows.</summary>
public class GoRuntimeHintTests
{
    private static GoRuntimeHint Of(params (string Function, string File, long Line)[] frames)
    {
        var b = ProtoProfileBuilder.Heap();
        foreach (var f in frames) b.Location(f);
        return GoRuntimeHint.FromProfile(ProtoDecoder.Decode(b.Bytes(), ProfileEncoding.Proto));
    }

    [Theory]
    [InlineData("/usr/lib/go-1.24/src/runtime/pprof/proto.go", "1.24", MapImplementation.Swiss)]
    [InlineData("/usr/lib/go-1.19/src/runtime/pprof/proto.go", "1.19", MapImplementation.Classic)]
    [InlineData("/opt/go1.23.5/src/fmt/print.go", "1.23", MapImplementation.Classic)]
    [InlineData("/home/me/sdk/go1.25rc1/src/os/file.go", "1.25", MapImplementation.Swiss)]
    public void GoRootWithAReleaseGivesItsDefaultMaps(string file, string release, MapImplementation maps)
    {
        var hint = Of(("main.main", "/src/app/main.go", 3), ("fmt.Sprintf", file, 10));
        Assert.Equal((maps, release), (hint.Maps, hint.Release));
        Assert.Contains(file, hint.Evidence);
    }

    [Fact]
    public void SwissFramesOrFilesNameTheImplementationOutright()
    {
        Assert.Equal(MapImplementation.Swiss, Of(("internal/runtime/maps.newarray", "internal/runtime/maps/group.go", 1)).Maps);
        Assert.Equal(MapImplementation.Swiss, Of(("runtime.mapassign_fast64", "internal/runtime/maps/runtime_fast64_swiss.go", 1)).Maps);
        // Go 1.24 built with GOEXPERIMENT=noswissmap keeps the classic code in *_noswiss.go
        var classic = Of(("runtime.mapassign", "/usr/lib/go-1.24/src/runtime/map_noswiss.go", 1));
        Assert.Equal(MapImplementation.Classic, classic.Maps);
    }

    [Theory]
    [InlineData("runtime/pprof/proto.go")]          // -trimpath: no GOROOT
    [InlineData("/usr/local/go/src/os/file.go")]    // an unversioned GOROOT
    [InlineData("/src/gopher/go1x/src/main.go")]    // "go" + something that is no release
    public void NoVersionedGoRootIsUnknown(string file)
    {
        var hint = Of(("main.main", file, 3));
        Assert.Equal(MapImplementation.Unknown, hint.Maps);
        Assert.Null(hint.Release);
    }
}
