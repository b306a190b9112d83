namespace MapScope.Evidence.Pprof;

/// <summary>
/// Entry point for reading a profile: gzip'd or raw profile.proto, or a legacy text heap profile.
/// Every failure to understand the bytes is a <see cref="ProfileFormatException"/>; I/O errors
/// (missing file, permissions) propagate as <see cref="IOException"/> / <see cref="UnauthorizedAccessException"/>.
/// </summary>
public static class ProfileReader
{
    public static Profile ReadFile(string path, ProfileReadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, options);
    }

    public static Profile Read(Stream input, ProfileReadOptions? options = null)
    {
        options ??= ProfileReadOptions.Default;
        long hint = input.CanSeek ? input.Length - input.Position : 0;
        var raw = BoundedInput.ReadAll(input, options.MaxDecompressedBytes, hint, "input");
        return Parse(raw, options);
    }

    public static Profile Parse(byte[] data, ProfileReadOptions? options = null)
    {
        options ??= ProfileReadOptions.Default;
        if (data.Length == 0) throw new ProfileFormatException("empty input: not a profile");
        if (data.LongLength > options.MaxDecompressedBytes)
            throw new ProfileFormatException($"input is larger than the limit of {BoundedInput.FormatSize(options.MaxDecompressedBytes)} (raise it with --max-decompressed)");
        var encoding = ProfileEncoding.Proto;
        if (BoundedInput.IsGzip(data))
        {
            data = BoundedInput.Gunzip(data, options.MaxDecompressedBytes);
            encoding = ProfileEncoding.GzipProto;
        }
        if (LegacyHeapParser.LooksLikeLegacyHeap(data)) return LegacyHeapParser.Parse(data);
        if (LooksLikeText(data))
            throw new ProfileFormatException("not a profile: text that is neither profile.proto nor a legacy heap profile ('heap profile: ...')");
        return ProtoDecoder.Decode(data, encoding);
    }

    /// <summary>
    /// A profile.proto message starts with a field tag, which is never printable text followed by more
    /// printable text for long; logs, JSON and source files are.
    /// </summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 256)];
        foreach (var b in head)
            if (b is < 0x20 and not (byte)'\n' and not (byte)'\r' and not (byte)'\t' || b == 0x7f) return false;
        return head.Length >= 4;
    }
}
