using System.Text;

namespace MapScope.Reports.Lint;

/// <summary>
/// Go columns count bytes; SARIF's default columnKind counts UTF-16 code units. The two differ only on lines
/// with non-ASCII text before the column, so files are read (once) only to convert such columns. When a file
/// cannot be read the byte column is kept.
/// </summary>
internal sealed class Utf16Columns(string workingDirectory)
{
    private readonly Dictionary<string, byte[]?> _files = new(StringComparer.Ordinal);

    public int Convert(string file, int line, int byteColumn)
    {
        if (byteColumn <= 1 || Source(file) is not { } src) return byteColumn;
        int start = LineStart(src, line);
        if (start < 0) return byteColumn;
        int end = Math.Min(src.Length, start + byteColumn - 1);
        var prefix = src.AsSpan(start, end - start);
        if (!prefix.ContainsAnyExceptInRange((byte)0, (byte)0x7F)) return byteColumn;
        return Encoding.UTF8.GetCharCount(prefix) + 1;
    }

    private byte[]? Source(string file)
    {
        if (_files.TryGetValue(file, out var cached)) return cached;
        byte[]? bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.GetFullPath(file, workingDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            bytes = null;
        }
        _files[file] = bytes;
        return bytes;
    }

    private static int LineStart(byte[] src, int line)
    {
        int pos = 0;
        for (int l = 1; l < line; l++)
        {
            int nl = Array.IndexOf(src, (byte)'\n', pos);
            if (nl < 0) return -1;
            pos = nl + 1;
        }
        return pos;
    }
}
