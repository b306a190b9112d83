using System.Buffers.Binary;
using System.IO.Compression;

namespace MapScope.Evidence.Pprof;

/// <summary>
/// Reads a whole input into memory, gunzipping it when it starts with the gzip magic, and stops with a
/// <see cref="ProfileFormatException"/> as soon as the bytes produced pass the limit.
/// </summary>
internal static class BoundedInput
{
    private const int Chunk = 1 << 16;

    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    /// <summary>
    /// Reads <paramref name="input"/> to its end, at most <paramref name="limit"/> bytes: into one buffer of the
    /// known size, or, for streams of unknown length, in chunks joined at the end (never doubling a buffer, so a
    /// refused input costs at most the limit).
    /// </summary>
    public static byte[] ReadAll(Stream input, long limit, long sizeHint, string what)
    {
        if (sizeHint > limit) throw new ProfileFormatException($"{what} is larger than the limit of {FormatSize(limit)} (raise it with --max-decompressed)");
        List<byte[]> chunks = [];
        long total = 0;
        if (sizeHint > 0 && sizeHint <= Array.MaxLength)
        {
            var exact = new byte[sizeHint];
            int at = 0;
            while (at < exact.Length && input.Read(exact, at, exact.Length - at) is var n and > 0) at += n;
            if (at < exact.Length) return exact[..at];
            int next = input.ReadByte();
            if (next < 0) return exact;
            chunks.Add(exact);
            chunks.Add([(byte)next]);
            total = sizeHint + 1;
            if (total > limit)
                throw new ProfileFormatException($"{what} is larger than the limit of {FormatSize(limit)} (raise it with --max-decompressed)");
        }
        int chunkSize = Chunk;
        while (true)
        {
            var chunk = new byte[chunkSize];
            int filled = 0;
            while (filled < chunk.Length)
            {
                int n = input.Read(chunk, filled, chunk.Length - filled);
                if (n == 0) break;
                filled += n;
            }
            total += filled;
            if (total > limit)
                throw new ProfileFormatException($"{what} is larger than the limit of {FormatSize(limit)} (raise it with --max-decompressed)");
            chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
            if (filled < chunk.Length) break;
            chunkSize = Chunk << 4;
        }
        if (chunks.Count == 1) return chunks[0];
        var all = new byte[total];
        long offset = 0;
        foreach (var c in chunks)
        {
            c.CopyTo(all, offset);
            offset += c.Length;
        }
        return all;
    }

    /// <summary>
    /// Gunzips <paramref name="compressed"/>, failing on corrupt or truncated data. Memory stays within the
    /// decompressed size plus a constant: the gzip trailer's length (mod 2^32) sizes the one output buffer, and
    /// when the trailer lies (a bomb, a multi-member file, data past 4 GiB) a counting pass that stores nothing
    /// finds the real size first, or the limit.
    /// </summary>
    public static byte[] Gunzip(byte[] compressed, long limit)
    {
        if (compressed.Length < 18)
            throw new ProfileFormatException("truncated or corrupt gzip data (shorter than a gzip header and trailer)");
        uint trailer = BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4));
        try
        {
            // A trailer past the limit is a bomb or garbage (a cut file ends in the middle of the data): counting
            // tells which without storing anything. Otherwise the trailer sizes the buffer, which is at most the limit.
            if (trailer <= limit && TryExact(compressed, trailer) is { } data) return data;
            // More data than the trailer said: measure it without keeping it, then decompress into an exact buffer.
            long size = Count(compressed, limit);
            if ((uint)size != trailer)
                throw new ProfileFormatException("truncated or corrupt gzip data (the length in the gzip trailer does not match)");
            var exact = new byte[size];
            using (var gzip = Open(compressed)) gzip.ReadExactly(exact);
            return exact;
        }
        catch (InvalidDataException e)
        {
            throw new ProfileFormatException($"corrupt gzip data: {OneLine(e.Message)}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new ProfileFormatException("truncated or corrupt gzip data", e);
        }
    }

    /// <summary>Decompresses into a buffer of the trailer's size; null when the stream holds more than that.</summary>
    private static byte[]? TryExact(byte[] compressed, uint size)
    {
        var data = new byte[size];
        using var gzip = Open(compressed);
        int at = 0;
        while (at < data.Length)
        {
            int n = gzip.Read(data, at, data.Length - at);
            if (n == 0) break;
            at += n;
        }
        if (at < data.Length)
            throw new ProfileFormatException("truncated or corrupt gzip data (the length in the gzip trailer does not match)");
        return gzip.ReadByte() < 0 ? data : null;
    }

    private static GZipStream Open(byte[] compressed) => new(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);

    /// <summary>The decompressed size, read through one small buffer; past the limit it stops and refuses.</summary>
    private static long Count(byte[] compressed, long limit)
    {
        using var gzip = Open(compressed);
        var sink = new byte[Chunk];
        long total = 0;
        int n;
        while ((n = gzip.Read(sink, 0, sink.Length)) > 0)
        {
            total += n;
            if (total > limit) throw TooLarge(limit);
        }
        return total;
    }

    private static ProfileFormatException TooLarge(long limit) =>
        new($"decompressed profile is larger than the limit of {FormatSize(limit)} (raise it with --max-decompressed)");

    internal static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

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
