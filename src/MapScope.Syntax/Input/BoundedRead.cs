namespace MapScope.Syntax.Input;

/// <summary>
/// Reads a whole input into memory with a size limit, so /dev/zero, a runaway pipe or a huge generated
/// file stops at the limit with an <see cref="InputTooLargeException"/> instead of exhausting memory.
/// A regular file whose size is known is refused before any byte is read; streams (stdin, devices,
/// FIFOs) are read in chunks and refused as soon as they pass the limit.
/// </summary>
public static class BoundedRead
{
    /// <summary>The default limit for one Go source file (go-bindata outputs reach tens of MB).</summary>
    public const long DefaultMaxSourceBytes = 128L << 20;

    private const int Chunk = 1 << 16;

    /// <summary>Reads the file at <paramref name="path"/>; <paramref name="flag"/> is the option that raises the limit.</summary>
    public static byte[] File(string path, long limit, string? flag)
    {
        if (Directory.Exists(path)) throw new IOException("is a directory");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        return Stream(stream, limit, flag);
    }

    /// <summary>Reads <paramref name="input"/> to its end, at most <paramref name="limit"/> bytes.</summary>
    public static byte[] Stream(Stream input, long limit, string? flag)
    {
        long known = KnownLength(input);
        if (known > limit) throw new InputTooLargeException(limit, flag);
        if (known >= 0)
        {
            // A regular file: read exactly its size, then make sure it did not grow meanwhile.
            var exact = new byte[known];
            int at = 0;
            while (at < exact.Length)
            {
                int n = input.Read(exact, at, exact.Length - at);
                if (n == 0) return exact[..at];
                at += n;
            }
            if (input.ReadByte() < 0) return exact;
            throw new IOException("the file grew while it was read");
        }
        return Chunked(input, limit, flag);
    }

    /// <summary>Reads a stream of unknown length in chunks (never doubling a buffer), refusing it past the limit.</summary>
    private static byte[] Chunked(Stream input, long limit, string? flag)
    {
        List<byte[]> chunks = [];
        long total = 0;
        while (true)
        {
            var chunk = new byte[Chunk];
            int filled = 0;
            while (filled < chunk.Length)
            {
                int n = input.Read(chunk, filled, chunk.Length - filled);
                if (n == 0) break;
                filled += n;
            }
            total += filled;
            if (total > limit) throw new InputTooLargeException(limit, flag);
            chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
            if (filled < chunk.Length) break;
        }
        var all = new byte[total];
        long offset = 0;
        foreach (var c in chunks)
        {
            c.CopyTo(all, offset);
            offset += c.Length;
        }
        return all;
    }

    /// <summary>The bytes left in a seekable regular file, or -1 for streams whose end is unknown (pipes, devices).</summary>
    private static long KnownLength(Stream input)
    {
        try
        {
            if (!input.CanSeek) return -1;
            long length = input.Length;
            // Character devices report length 0 and seek anywhere: treat an empty "file" as a stream.
            return length == 0 ? -1 : length - input.Position;
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            return -1;
        }
    }

    /// <summary>"64 MiB", "1 GiB", "1000 bytes": sizes as limits are written in messages.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        >= 1_000_000_000 when bytes % 1_000_000_000 == 0 => $"{bytes / 1_000_000_000} GB",
        >= 1_000_000 when bytes % 1_000_000 == 0 => $"{bytes / 1_000_000} MB",
        >= 1_000 when bytes % 1_000 == 0 => $"{bytes / 1_000} kB",
        _ => $"{bytes} bytes",
    };
}

/// <summary>An input larger than the limit, which the user can raise with <see cref="Flag"/> when there is one.</summary>
public sealed class InputTooLargeException(long limit, string? flag)
    : IOException($"larger than the limit of {BoundedRead.FormatSize(limit)}" + (flag is null ? "" : $" (raise it with {flag})"))
{
    public long Limit { get; } = limit;
    public string? Flag { get; } = flag;
}
