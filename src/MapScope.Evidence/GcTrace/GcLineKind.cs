namespace MapScope.Evidence.GcTrace;

/// <summary>What a line of a GC trace log turned out to be.</summary>
public enum GcLineKind
{
    /// <summary>A "gc N @..." line of Go 1.5 or later, parsed into a <see cref="GcCycle"/>.</summary>
    Cycle,
    /// <summary>Scavenger output: "scvgN: ..." (Go ≤ 1.12) or "scav ..." (GODEBUG=scavtrace=1).</summary>
    Scavenger,
    /// <summary>"pacer: …" lines of GODEBUG=gcpacertrace=1, interleaved with the cycles.</summary>
    Pacer,
    /// <summary>A Go ≤ 1.4 "gcN(M): ..." line; skipped.</summary>
    Legacy,
    /// <summary>Starts like a GC line but does not parse: cut, garbled or from an unknown Go version.</summary>
    Malformed,
    /// <summary>An empty line.</summary>
    Blank,
    /// <summary>Anything else: the program's own output, garbage.</summary>
    Unknown,
}
