namespace MapScope.Evidence.Pprof;

/// <summary>One kind of sample value, e.g. ("inuse_space", "bytes").</summary>
public sealed record ValueType(string Type, string Unit)
{
    public override string ToString() => $"{Type}/{Unit}";
}
