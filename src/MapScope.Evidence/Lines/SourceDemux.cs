using System.Text;

namespace MapScope.Evidence.Lines;

/// <summary>
/// One reader per source of interleaved output (docker compose services, kubectl pods): each process's
/// lines go to its own reader, so a dump or a GC trace is never cut up by another process's lines.
/// Bounded: past <see cref="MaxSources"/> sources, further ones share the reader of the unnamed source.
/// </summary>
public sealed class SourceDemux<T>(Func<T> create) where T : class
{
    public const int MaxSources = 64;

    private readonly Dictionary<string, T> _bySource = new(StringComparer.Ordinal);
    private readonly List<(string Source, T Reader)> _all = [];
    private byte[] _lastKey = [];
    private T? _last;

    /// <summary>The readers in the order their sources first appeared, with the source name ("" for unprefixed lines).</summary>
    public IReadOnlyList<(string Source, T Reader)> Readers => _all;

    public T For(ReadOnlySpan<byte> source)
    {
        // Consecutive lines nearly always share a source: compare bytes before decoding anything.
        if (_last != null && source.SequenceEqual(_lastKey)) return _last;
        var name = Encoding.UTF8.GetString(source);
        if (!_bySource.TryGetValue(name, out var reader))
        {
            if (_all.Count >= MaxSources && name.Length > 0) return For(default);
            reader = create();
            _bySource[name] = reader;
            _all.Add((name, reader));
        }
        _lastKey = source.ToArray();
        _last = reader;
        return reader;
    }
}
