using MapScope.Syntax.Input;

namespace MapScope.Cli.Commands;

/// <summary>
/// A read-only view of a stream that fails with <see cref="InputTooLargeException"/> once more than the limit
/// has been read: streaming readers keep their memory bounded by themselves, this bounds their time on
/// endless inputs (/dev/zero, /dev/urandom, a pipe that never closes its output).
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte past the limit at most, so an input of exactly the limit is still accepted.
        long room = limit + 1 - _read;
        if (room <= 0) throw new InputTooLargeException(limit, InputLimit.Flag);
        int n = inner.Read(buffer[..(int)Math.Min(buffer.Length, room)]);
        _read += n;
        if (_read > limit) throw new InputTooLargeException(limit, InputLimit.Flag);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
