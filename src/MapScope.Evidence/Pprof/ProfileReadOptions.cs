namespace MapScope.Evidence.Pprof;

/// <summary>Limits applied while reading a profile.</summary>
public sealed record ProfileReadOptions
{
    public const long DefaultMaxDecompressedBytes = 1L << 30;

    /// <summary>
    /// The most bytes a profile may occupy once decompressed (and the most raw bytes read). Enforced while
    /// streaming, so a gzip bomb stops at the limit instead of filling memory.
    /// </summary>
    public long MaxDecompressedBytes { get; init; } = DefaultMaxDecompressedBytes;

    public static ProfileReadOptions Default { get; } = new();
}
