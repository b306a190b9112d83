namespace MapScope.Evidence.Lines;

/// <summary>
/// <see cref="LineReader"/> followed by <see cref="LineCleaner"/>: the lines every text reader sees, with
/// the process that wrote each one (from its collector prefix) and whether it was the cut last line.
/// </summary>
public sealed class CleanLineReader(Stream stream, int maxLineLength = LineReader.DefaultMaxLineLength)
{
    private readonly LineReader _lines = new(stream, maxLineLength);
    private readonly LineCleaner _cleaner = new();

    /// <summary>The next cleaned line and its source (empty when no prefix named one); false at the end.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out ReadOnlySpan<byte> source)
    {
        if (!_lines.TryReadLine(out var raw))
        {
            line = source = default;
            return false;
        }
        line = _cleaner.Clean(raw, out source);
        return true;
    }

    public long LineNumber => _lines.LineNumber;
    public bool LastLineUnterminated => _lines.LastLineUnterminated;
    public long OverlongLines => _lines.OverlongLines;
    public long BytesRead => _lines.BytesRead;
    public long PrefixedLines => _cleaner.PrefixedLines;
}
