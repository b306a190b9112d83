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

    /// <summary>Reads <paramref name="input"/> to its end, at most <paramref name="limit"/> bytes.</summary>
    public static byte[] ReadAll(Stream input, long limit, long sizeHint, string what)
    {
        var buffer = new byte[(int)Math.Clamp(sizeHint > 0 ? sizeHint : Chunk, 1, Math.Min(limit + 1, Array.MaxLength))];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit) break;
                var grown = (int)Math.Min(Math.Min((long)buffer.Length * 2, limit + 1), Array.MaxLength);
                if (grown <= buffer.Length) break;
                Array.Resize(ref buffer, grown);
            }
            int n = input.Read(buffer, length, buffer.Length - length);
            if (n == 0) break;
            length += n;
        }
        if (length > limit)
            throw new ProfileFormatException($"{what} is larger than the limit of {FormatSize(limit)} (raise it with --max-decompressed)");
        return length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>Gunzips <paramref name="compressed"/>, failing on corrupt or truncated data.</summary>
    public static byte[] Gunzip(byte[] compressed, long limit)
    {
        using var source = new MemoryStream(compressed, writable: false);
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        byte[] data;
        try
        {
            data = ReadAll(gzip, limit, Math.Min((long)compressed.Length * 5, limit), "decompressed profile");
        }
        catch (InvalidDataException e)
        {
            throw new ProfileFormatException($"corrupt gzip data: {OneLine(e.Message)}", e);
        }
        // .NET inflates a truncated stream without complaint, so check the trailer ourselves: a complete
        // gzip file ends with the uncompressed length mod 2^32 (single member, as Go writes them).
        if (compressed.Length < 18 || BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4)) != (uint)data.Length)
            throw new ProfileFormatException("truncated or corrupt gzip data (the length in the gzip trailer does not match)");
        return data;
    }

    internal static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        _ => $"{bytes} bytes",
    };
}
