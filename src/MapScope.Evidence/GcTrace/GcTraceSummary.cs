namespace MapScope.Evidence.GcTrace;

/// <summary>Everything learned from a GC trace log: line accounting, GC statistics and the heap trend.</summary>
public sealed record GcTraceSummary
{
    public required GcLineCounts Lines { get; init; }
    public required long Cycles { get; init; }
    public required long ForcedCycles { get; init; }
    /// <summary>Process runs seen: the GC clock going backwards starts a new run; only the last is analyzed.</summary>
    public required int Runs { get; init; }
    public required double FirstSeconds { get; init; }
    public required double LastSeconds { get; init; }
    /// <summary>The last GC's cumulative "% of CPU time in GC since the program started".</summary>
    public required int CpuPercent { get; init; }
    public required long LastLiveMB { get; init; }
    public required long MaxLiveMB { get; init; }
    public required long LastGoalMB { get; init; }
    public required long MaxGoalMB { get; init; }
    public required int Procs { get; init; }
    /// <summary>True when the lines carry "MB stacks"/"MB globals" (Go 1.18 and later).</summary>
    public required bool HasStacksAndGlobals { get; init; }
    public required PauseHistogram SweepTermination { get; init; }
    public required PauseHistogram MarkTermination { get; init; }
    public required PauseHistogram StopTheWorld { get; init; }
    public required HeapSeries Series { get; init; }
    public required HeapTrend Trend { get; init; }

    /// <summary>The process analyzed, when a collector prefix named the writer of each line (docker compose service, kubectl pod).</summary>
    public string? Source { get; init; }
    /// <summary>Processes of an interleaved log that printed GC cycles; only <see cref="Source"/>'s are analyzed.</summary>
    public int SourcesWithCycles { get; init; } = 1;

    public double DurationSeconds => Math.Max(0, LastSeconds - FirstSeconds);

    /// <summary>GCs per minute over the analyzed run, 0 when it spans no time.</summary>
    public double CyclesPerMinute => DurationSeconds > 0 ? (Cycles - 1) / DurationSeconds * 60 : 0;
}

/// <summary>How the lines of a GC trace log were classified.</summary>
public sealed record GcLineCounts(
    long Total, long Cycles, long Scavenger, long Legacy, long Malformed, long Blank, long Unknown, long Overlong, long Bytes)
{
    /// <summary>"pacer: …" lines of GODEBUG=gcpacertrace=1.</summary>
    public long Pacer { get; init; }
}
