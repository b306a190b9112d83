using System.Runtime.CompilerServices;
namespace MapScope.Evidence.Lines;

/// <summary>
/// Splits a stream into lines of UTF-8 bytes without decoding or allocating per line. Memory is
/// bounded by the buffer: a line longer than <see cref="MaxLineLength"/> is returned cut to that length
/// (counted in <see cref="OverlongLines"/>) and the rest of it is skipped. A trailing '\r' is dropped.
/// </summary>
public sealed class LineReader
{
    public const int DefaultMaxLineLength = 64 * 1024;
    private const int DefaultBufferSize = 1 << 20;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skippingRest;

    public LineReader(Stream stream, int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 16);
        _stream = stream;
        MaxLineLength = maxLineLength;
        _buffer = new byte[Math.Max(DefaultBufferSize, maxLineLength * 2)];
    }

    public int MaxLineLength { get; }

    /// <summary>Lines returned so far (the 1-based number of the last line returned).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines that were cut to <see cref="MaxLineLength"/>.</summary>
    public long OverlongLines { get; private set; }

    /// <summary>
    /// True when the line just returned is the last of the stream and had no line ending: a paste or a log
    /// cut at the end, whose last line may itself be cut short.
    /// </summary>
    public bool LastLineUnterminated { get; private set; }

    /// <summary>The size of the one buffer this reader ever uses: its memory bound.</summary>
    public int BufferSize => _buffer.Length;

    /// <summary>Returns the next line (without its line ending), or false at the end of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                if (_skippingRest)
                {
                    _skippingRest = false;
                    continue;
                }
                LineNumber++;
                if (newline > MaxLineLength)
                {
                    OverlongLines++;
                    line = pending[..MaxLineLength];
                    return true;
                }
                line = TrimCarriageReturn(pending[..newline]);
                return true;
            }
            if (_eof)
            {
                _start = _end;
                if (pending.Length == 0 || _skippingRest)
                {
                    _skippingRest = false;
                    line = default;
                    return false;
                }
                LineNumber++;
                LastLineUnterminated = true;
                if (pending.Length > MaxLineLength)
                {
                    OverlongLines++;
                    line = pending[..MaxLineLength];
                    return true;
                }
                line = TrimCarriageReturn(pending);
                return true;
            }
            if (pending.Length >= MaxLineLength)
            {
                // Too long to be a line we understand: hand out its head, drop the rest up to the newline.
                _start = _end;
                if (_skippingRest) continue;
                _skippingRest = true;
                OverlongLines++;
                LineNumber++;
                line = pending[..MaxLineLength];
                // The span points into the buffer, which Fill only compacts on the next call.
                return true;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
        BytesRead += n;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
