namespace MapScope.Evidence.Tests;

/// <summary>
/// A read-only stream of <c>length</c> bytes produced on the fly by calling a line generator, so tests can
/// feed hundreds of megabytes without a file or a buffer of that size. Records the largest managed heap
/// size seen between reads.
/// </summary>
internal sealed class GeneratedStream(long length, Func<long, byte[]> chunk) : Stream
{
    private byte[] _current = [];
    private int _offset;
    private long _chunkIndex;
    private long _position;

    public long MaxHeapBytesSeen { get; private set; }

    /// <summary>Bytes the generator allocated on this thread, to subtract from a reader's allocations.</summary>
    public long GeneratorAllocatedBytes { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        MaxHeapBytesSeen = Math.Max(MaxHeapBytesSeen, GC.GetTotalMemory(false));
        int written = 0;
        while (written < count && _position < length)
        {
            if (_offset == _current.Length)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                _current = chunk(_chunkIndex++);
                GeneratorAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                _offset = 0;
            }
            int n = (int)Math.Min(Math.Min(count - written, _current.Length - _offset), length - _position);
            Buffer.BlockCopy(_current, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
            _position += n;
        }
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
