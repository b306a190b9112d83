using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Text;

namespace MapScope.Evidence.Lines;

/// <summary>
/// Turns repeated UTF-8 byte sequences (function names, file paths, goroutine states) into one shared
/// string each, without decoding a sequence seen before. Bounded: past <see cref="MaxEntries"/> it stops
/// remembering and simply decodes.
/// </summary>
public sealed class Utf8Interner(int maxEntries = 1 << 20)
{
    private int[] _hashes = new int[1024];
    private byte[]?[] _keys = new byte[1024][];
    private string[] _values = new string[1024];
    private int _count;

    public int MaxEntries { get; } = maxEntries;

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Intern(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return "";
        int hash = Hash(bytes);
        int mask = _keys.Length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask)
        {
            var key = _keys[i];
            if (key is null)
            {
                var value = Encoding.UTF8.GetString(bytes);
                if (_count >= MaxEntries) return value;
                _keys[i] = bytes.ToArray();
                _hashes[i] = hash;
                _values[i] = value;
                if (++_count * 2 > _keys.Length) Grow();
                return value;
            }
            if (_hashes[i] == hash && bytes.SequenceEqual(key)) return _values[i];
        }
    }

    private void Grow()
    {
        var (hashes, keys, values) = (_hashes, _keys, _values);
        _hashes = new int[keys.Length * 2];
        _keys = new byte[keys.Length * 2][];
        _values = new string[keys.Length * 2];
        int mask = _keys.Length - 1;
        for (int j = 0; j < keys.Length; j++)
        {
            if (keys[j] is null) continue;
            int i = hashes[j] & mask;
            while (_keys[i] is not null) i = (i + 1) & mask;
            _hashes[i] = hashes[j];
            _keys[i] = keys[j];
            _values[i] = values[j];
        }
    }

    // A multiply-rotate hash over 8-byte words: fast, and good enough for an open-addressing table.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong h = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
            bytes = bytes[8..];
        }
        ulong tail = 0;
        for (int i = 0; i < bytes.Length; i++) tail |= (ulong)bytes[i] << (8 * i);
        h = (h ^ tail) * 0x94D049BB133111EBUL;
        h ^= h >> 29;
        return (int)(h ^ (h >> 32));
    }
}
