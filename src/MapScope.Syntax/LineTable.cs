namespace MapScope.Syntax;

/// <summary>Maps byte offsets to 1-based line and column (columns count bytes, as go/token does).</summary>
public sealed class LineTable
{
    private readonly int[] _lineStarts;

    public LineTable(ReadOnlySpan<byte> src)
    {
        var starts = new int[src.Count((byte)'\n') + 1];
        int i = 0, n = 1;
        while (true)
        {
            int nl = src[i..].IndexOf((byte)'\n');
            if (nl < 0) break;
            i += nl + 1;
            starts[n++] = i;
        }
        _lineStarts = starts;
    }

    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[line - 1];

    public (int Line, int Column) Position(int offset)
    {
        int idx = Array.BinarySearch(_lineStarts, offset);
        if (idx < 0) idx = ~idx - 1;
        return (idx + 1, offset - _lineStarts[idx] + 1);
    }
}
