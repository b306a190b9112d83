namespace MapScope.Syntax;

/// <summary>Maps byte offsets to 1-based line and column (columns count bytes, as go/token does).</summary>
public sealed class LineTable
{
    private readonly int[] _lineStarts;

    public LineTable(ReadOnlySpan<byte> src)
    {
        var starts = new List<int>(src.Length / 32 + 1) { 0 };
        int i = 0;
        while (true)
        {
            int nl = src[i..].IndexOf((byte)'\n');
            if (nl < 0) break;
            i += nl + 1;
            starts.Add(i);
        }
        _lineStarts = starts.ToArray();
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
