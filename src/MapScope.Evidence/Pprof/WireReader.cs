namespace MapScope.Evidence.Pprof;

/// <summary>
/// Protobuf wire-format primitives over a span, for the two hot messages (the top-level field loop and
/// Sample). Every read is bounds-checked; running off the end is a truncated profile.
/// </summary>
internal ref struct WireReader(ReadOnlySpan<byte> data)
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly bool End => _pos >= _data.Length;

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length) throw Truncated();
            byte b = _data[_pos++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return result;
        }
        throw new ProfileFormatException("not a valid profile.proto message (malformed varint)");
    }

    public (int Field, int Wire) ReadTag()
    {
        ulong tag = ReadVarint();
        int field = (int)(tag >> 3);
        if (field == 0 || tag >> 3 > int.MaxValue) throw new ProfileFormatException("not a valid profile.proto message (invalid field number 0)");
        return (field, (int)(tag & 7));
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        ulong n = ReadVarint();
        if (n > (ulong)(_data.Length - _pos)) throw Truncated();
        var slice = _data.Slice(_pos, (int)n);
        _pos += (int)n;
        return slice;
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: Advance(8); break;
            case LengthDelimited: ReadBytes(); break;
            case Fixed32: Advance(4); break;
            default: throw new ProfileFormatException($"not a valid profile.proto message (unsupported wire type {wire})");
        }
    }

    private void Advance(int n)
    {
        if (n > _data.Length - _pos) throw Truncated();
        _pos += n;
    }

    private static ProfileFormatException Truncated() =>
        new("not a valid profile.proto message (truncated: a field runs past the end of the input)");
}
