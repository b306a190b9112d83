using System.Runtime.CompilerServices;
using System.Text;

namespace MapScope.Syntax;

/// <summary>
/// Interns identifier spellings so that each distinct name is one string, and scanning an identifier
/// allocates nothing once its name has been seen. Not thread-safe: one table per thread.
/// </summary>
internal sealed class NameTable
{
    [ThreadStatic] private static NameTable? _current;

    /// <summary>The calling thread's table.</summary>
    public static NameTable Current => _current ??= new NameTable();

    private struct Entry
    {
        public int Hash;
        public string? Name;
        public byte[]? Utf8;
    }

    // sized for a large module's distinct names, so that growing is rare
    private Entry[] _entries = new Entry[1 << 16];
    private int _count;

    public string Intern(ReadOnlySpan<byte> utf8)
    {
        int hash = Hash(utf8);
        int mask = _entries.Length - 1;
        int i = hash & mask;
        while (true)
        {
            ref var e = ref _entries[i];
            if (e.Name == null) break;
            if (e.Hash == hash && utf8.SequenceEqual(e.Utf8)) return e.Name;
            i = (i + 1) & mask;
        }
        var name = Encoding.UTF8.GetString(utf8);
        _entries[i] = new Entry { Hash = hash, Name = name, Utf8 = utf8.ToArray() };
        if (++_count * 2 > _entries.Length) Grow();
        return name;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> s)
    {
        uint h = 2166136261;
        foreach (var b in s) h = (h ^ b) * 16777619;
        return (int)(h & 0x7FFFFFFF);
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        int mask = _entries.Length - 1;
        foreach (var e in old)
        {
            if (e.Name == null) continue;
            int i = e.Hash & mask;
            while (_entries[i].Name != null) i = (i + 1) & mask;
            _entries[i] = e;
        }
    }
}
