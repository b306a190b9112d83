namespace MapScope.Evidence.Pprof;

/// <summary>A binary or shared library mapped into the profiled process.</summary>
public sealed record Mapping(
    ulong Id,
    ulong MemoryStart,
    ulong MemoryLimit,
    ulong FileOffset,
    string File,
    string BuildId,
    bool HasFunctions,
    bool HasFilenames,
    bool HasLineNumbers,
    bool HasInlineFrames);
