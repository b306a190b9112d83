using System.IO.Compression;

namespace MapScope.Cli.Tests.Reliability;

/// <summary>
/// Issue 13, unbounded memory: every reader stops at a size limit it names, with the option that raises it;
/// /dev/zero and endless pipes are cut off there; a gzip bomb costs no more than its decompressed limit.
/// </summary>
public sealed class LimitTests : TempTree
{
    [SkippableFact]
    public void Ast_DevZero_StopsAtTheDefaultLimit()
    {
        Skip.IfNot(File.Exists("/dev/zero"));
        var run = Run("ast", "/dev/zero");
        AssertRefused(run, "/dev/zero", "larger than the limit of 128 MiB (raise it with --max-input)");
    }

    [SkippableTheory]
    [InlineData("gctrace")]
    [InlineData("escape")]
    [InlineData("crash")]
    [InlineData("heap")]
    public void EvidenceCommands_DevZero_StopAtMaxInput(string command)
    {
        Skip.IfNot(File.Exists("/dev/zero"));
        AssertRefused(Run(command, "/dev/zero", "--max-input", "2MiB"), "/dev/zero", "larger than the limit of 2 MiB (raise it with --max-input)");
    }

    [Theory]
    [InlineData("gctrace")]
    [InlineData("crash")]
    [InlineData("ast")]
    public void EndlessStdin_StopsAtMaxInput(string command)
    {
        var endless = CliRunWithStdin(new EndlessStream(), command, "-", "--max-input", "1MiB");
        AssertRefused(endless, "<stdin>", "larger than the limit of 1 MiB");
    }

    [Fact]
    public void Heap_RegularFilePastMaxInput_RefusedBeforeReading()
    {
        Put("big.pb", new byte[3 << 20]);
        AssertRefused(Run("heap", "big.pb", "--max-input", "1MiB"), "big.pb", "larger than the limit of 1 MiB (raise it with --max-input)");
    }

    [Fact]
    public void Ast_FileExactlyAtTheLimit_IsRead()
    {
        var text = "package p\n" + new string(' ', 1000 - 10);
        Put("p.go", text);
        Assert.Equal(0, Run("ast", "p.go", "--max-input", "1000").ExitCode);
        AssertRefused(Run("ast", "p.go", "--max-input", "999"), "p.go", "larger than the limit of 999 bytes");
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("-1")]
    public void MaxInput_NotASize_NamesTheOption(string value)
    {
        var run = Run("gctrace", "x.log", "--max-input", value);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"mapscope: --max-input: expects a size", run.ErrorLines[0]);
    }

    /// <summary>
    /// The bomb refuses at the decompressed limit without holding it: the bytes allocated by the whole run stay
    /// far below the 256 MiB the bomb inflates to (today's reader doubled a buffer up to 1.5x the limit).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Heap_GzipBomb_AllocatesLittleMoreThanTheLimit(bool lyingTrailer)
    {
        var bomb = Bomb(256 << 20);
        if (lyingTrailer) BitConverter.GetBytes(1u << 20).CopyTo(bomb, bomb.Length - 4); // claims 1 MiB
        Put("bomb.pb.gz", bomb);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var run = Run("heap", "bomb.pb.gz", "--max-decompressed", "32MiB");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        AssertRefused(run, "bomb.pb.gz", "larger than the limit of 32 MiB (raise it with --max-decompressed)");
        Assert.True(allocated < (long)(1.2 * (32 << 20)) + (8 << 20), $"allocated {allocated >> 20} MiB");
    }

    [Fact]
    public void Heap_ProfileJustUnderTheLimit_IsDecompressedIntoOneBuffer()
    {
        // The trailer sizes the buffer: a real profile decompresses with about its own size allocated for it.
        var profile = File.ReadAllBytes(MapScope.TestSupport.RepoPaths.Combine("tests/fixtures/heap/cache/profiles/heap-3.pb.gz"));
        Put("in.pb.gz", profile);
        Assert.Equal(0, Run("heap", "in.pb.gz", "--max-decompressed", "1MiB").ExitCode);
    }

    internal static byte[] Bomb(int size)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < size / zeros.Length; i++) gz.Write(zeros);
        }
        return ms.ToArray();
    }

    private CliRun CliRunWithStdin(Stream stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, CliHost.Detached(Dir, stdin));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A pipe that never closes: 'y\n' forever.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = (i & 1) == 0 ? (byte)'y' : (byte)'\n';
            return count;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
