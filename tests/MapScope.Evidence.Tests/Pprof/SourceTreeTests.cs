using MapScope.Evidence.Pprof;

namespace MapScope.Evidence.Tests.Pprof;

public sealed class SourceTreeTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("mapscope-srctree-");
    private readonly string _root;
    private readonly string _outside;

    public SourceTreeTests()
    {
        _root = Path.Combine(_temp.FullName, "repo");
        _outside = Path.Combine(_temp.FullName, "outside");
        Write(_root, "cache/main.go");
        Write(_root, "server/main.go");
        Write(_root, "internal/store/cache/main.go");
        Write(_root, "util.go");
        Write(_outside, "secret.go");
        Write(_outside, "dir/other.go");
    }

    public void Dispose() => _temp.Delete(recursive: true);

    private static void Write(string root, string rel)
    {
        var path = Path.Combine(root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "package x\n");
    }

    [Fact]
    public void LongestSuffixWins()
    {
        var tree = new SourceTree(_root);
        var m = tree.Resolve("/home/ci/build/repo/server/main.go");
        Assert.Equal("server/main.go", m!.RelativePath);
        Assert.Equal(Path.Combine(_root, "server", "main.go"), m.FullPath);
        Assert.Equal(2, m.MatchedSegments); // server/main.go (the root's own name is not part of the match)
        Assert.Equal("internal/store/cache/main.go", tree.Resolve("example.com/app/internal/store/cache/main.go")!.RelativePath);
        Assert.Equal("util.go", tree.Resolve(@"C:\work\repo\util.go")!.RelativePath);
    }

    [Fact]
    public void AmbiguousOrUnknownIsNoMatch()
    {
        var tree = new SourceTree(_root);
        // Both cache/main.go files end in cache/main.go: two equally good candidates.
        Assert.Null(tree.Resolve("/elsewhere/cache/main.go"));
        Assert.Null(tree.Resolve("main.go"));
        Assert.Null(tree.Resolve("/src/nothere.go"));
        Assert.Null(tree.Resolve(""));
    }

    [Fact]
    public void DotDotNeverEscapes()
    {
        var tree = new SourceTree(_root);
        Assert.Null(tree.Resolve("../outside/secret.go"));
        Assert.Null(tree.Resolve("../../outside/dir/other.go"));
        // `..` segments do not match anything, so only the real suffix counts.
        Assert.Equal("util.go", tree.Resolve("/x/../../util.go")!.RelativePath);
    }

    [Fact]
    public void SymlinksOutOfTheTreeAreNotFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "link.go"), Path.Combine(_outside, "secret.go"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "ext"), Path.Combine(_outside, "dir"));
        File.CreateSymbolicLink(Path.Combine(_root, "alias.go"), Path.Combine(_root, "util.go"));
        var tree = new SourceTree(_root);
        Assert.Null(tree.Resolve("/build/repo/link.go"));
        Assert.Null(tree.Resolve("/build/repo/ext/other.go"));
        Assert.Null(tree.Resolve("other.go"));
        // A link that stays inside the tree is fine.
        Assert.Equal("alias.go", tree.Resolve("/build/repo/alias.go")!.RelativePath);
    }

    [Fact]
    public void RootGivenThroughASymlinkStillWorks()
    {
        var linkRoot = Path.Combine(_temp.FullName, "linkroot");
        Directory.CreateSymbolicLink(linkRoot, _root);
        var m = new SourceTree(linkRoot).Resolve("/x/server/main.go");
        Assert.Equal("server/main.go", m!.RelativePath);
    }

    [Fact]
    public void MissingRootIsAnError() =>
        Assert.Throws<DirectoryNotFoundException>(() => new SourceTree(Path.Combine(_temp.FullName, "nope")));
}
