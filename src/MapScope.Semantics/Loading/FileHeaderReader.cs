namespace MapScope.Semantics.Loading;

/// <summary>Reads a <see cref="FileHeader"/> from a file, reading only a prefix unless the header is longer.</summary>
public static class FileHeaderReader
{
    private const int PrefixSize = 8192;

    public static FileHeader Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        long length = stream.Length;
        var buffer = new byte[(int)Math.Min(length, PrefixSize)];
        stream.ReadExactly(buffer);
        var header = Parse(buffer, out bool truncated);
        if (length <= buffer.Length || (!truncated && header.Error == null)) return header;
        // Long license headers or import lists: read it all. So is a header that looked broken: the cut
        // can split a token ("/" + "/ comment", "/" + "* comment */") so that the prefix misreads it
        // without having run out of input; only the whole file can tell a real error from that.
        // Broken headers are rare, so this costs little.
        stream.Position = 0;
        var all = new byte[length];
        stream.ReadExactly(all);
        return Parse(all, out _);
    }

    /// <summary>Parses a header from the first bytes of a file.</summary>
    public static FileHeader Parse(ReadOnlySpan<byte> src, out bool truncated)
    {
        var scanner = new ImportHeaderScanner(src);
        scanner.Scan();
        truncated = scanner.Truncated;
        var (goBuild, plus, constraintError) = ConstraintHeaderScanner.Scan(src);
        return new FileHeader
        {
            PackageName = scanner.PackageName,
            GoBuild = goBuild,
            PlusBuild = plus,
            Imports = scanner.Imports,
            ImportComment = scanner.ImportComment,
            Error = scanner.Error,
            ConstraintError = constraintError,
        };
    }
}
