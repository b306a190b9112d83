using MapScope.Evidence.Lines;

namespace MapScope.Evidence.GcTrace;

/// <summary>
/// Reads a GODEBUG=gctrace=1 log (a program's whole stderr is fine) in one pass in bounded memory and
/// summarizes it. Never throws on content; only stream I/O errors propagate.
/// </summary>
public sealed class GcTraceReader
{
    private long _total, _cycles, _scavenger, _pacer, _legacy, _malformed, _blank, _unknown;
    private RunState _run;
    private int _runs;

    /// <summary>
    /// Reads a log through the shared <see cref="LineCleaner"/>. When a collector prefix names several
    /// processes (docker compose services, kubectl pods), each one's lines are read apart and the process
    /// with the most GC cycles is analyzed; the line counts cover the whole log.
    /// </summary>
    public static GcTraceSummary Read(Stream input, int seriesCapacity = 1024)
    {
        var demux = new SourceDemux<GcTraceReader>(() => new GcTraceReader(seriesCapacity));
        var lines = new CleanLineReader(input);
        while (lines.TryReadLine(out var line, out var source)) demux.For(source).Accept(line);
        var readers = demux.Readers;
        if (readers.Count == 0) return new GcTraceReader(seriesCapacity).Finish(lines.OverlongLines, lines.BytesRead);
        var chosen = readers.MaxBy(r => r.Reader._cycles);
        var summary = chosen.Reader.Finish(lines.OverlongLines, lines.BytesRead);
        if (readers.Count == 1) return summary with { Source = chosen.Source.Length > 0 ? chosen.Source : null };
        var counts = readers.Select(r => r.Reader.Counts(0, 0)).Aggregate((a, b) => new GcLineCounts(
            a.Total + b.Total, a.Cycles + b.Cycles, a.Scavenger + b.Scavenger, a.Legacy + b.Legacy, a.Malformed + b.Malformed,
            a.Blank + b.Blank, a.Unknown + b.Unknown, 0, 0) { Pacer = a.Pacer + b.Pacer });
        return summary with
        {
            Lines = counts with { Overlong = lines.OverlongLines, Bytes = lines.BytesRead },
            Source = chosen.Source.Length > 0 ? chosen.Source : null,
            SourcesWithCycles = readers.Count(r => r.Reader._cycles > 0),
        };
    }

    private readonly int _seriesCapacity;

    public GcTraceReader(int seriesCapacity = 1024)
    {
        _seriesCapacity = seriesCapacity;
        _run = new RunState(seriesCapacity);
    }

    public void Accept(ReadOnlySpan<byte> line)
    {
        _total++;
        switch (GcLineParser.Classify(line, out var gc))
        {
            case GcLineKind.Cycle:
                _cycles++;
                if (_run.Count > 0 && gc.AtSeconds < _run.LastSeconds)
                    _run = new RunState(_seriesCapacity); // clock went backwards: the process restarted
                if (_run.Count == 0) _runs++;
                _run.Add(gc);
                break;
            case GcLineKind.Scavenger: _scavenger++; break;
            case GcLineKind.Pacer: _pacer++; break;
            case GcLineKind.Legacy: _legacy++; break;
            case GcLineKind.Malformed: _malformed++; break;
            case GcLineKind.Blank: _blank++; break;
            default: _unknown++; break;
        }
    }

    public GcTraceSummary Finish(long overlongLines = 0, long bytes = 0)
    {
        var r = _run;
        return new GcTraceSummary
        {
            Lines = Counts(overlongLines, bytes),
            Cycles = r.Count,
            ForcedCycles = r.Forced,
            Runs = _runs,
            FirstSeconds = r.FirstSeconds,
            LastSeconds = r.LastSeconds,
            CpuPercent = r.CpuPercent,
            LastLiveMB = r.LastLive,
            MaxLiveMB = r.MaxLive,
            LastGoalMB = r.LastGoal,
            MaxGoalMB = r.MaxGoal,
            Procs = r.Procs,
            HasStacksAndGlobals = r.HasStacksAndGlobals,
            SweepTermination = r.SweepTermination,
            MarkTermination = r.MarkTermination,
            StopTheWorld = r.StopTheWorld,
            Series = r.Series,
            Trend = HeapTrend.Judge(r.Series, r.FirstSeconds, r.LastSeconds),
        };
    }

    private GcLineCounts Counts(long overlongLines, long bytes) =>
        new(_total, _cycles, _scavenger, _legacy, _malformed, _blank, _unknown, overlongLines, bytes) { Pacer = _pacer };

    /// <summary>Statistics of one process run.</summary>
    private sealed class RunState(int seriesCapacity = 1024)
    {
        public long Count, Forced, LastLive, MaxLive, LastGoal, MaxGoal;
        public double FirstSeconds, LastSeconds;
        public int CpuPercent, Procs;
        public bool HasStacksAndGlobals;
        public readonly PauseHistogram SweepTermination = new(), MarkTermination = new(), StopTheWorld = new();
        public readonly HeapSeries Series = new(seriesCapacity);

        public void Add(in GcCycle gc)
        {
            if (Count == 0) FirstSeconds = gc.AtSeconds;
            Count++;
            LastSeconds = gc.AtSeconds;
            if (gc.Forced) Forced++;
            LastLive = gc.LiveMB;
            MaxLive = Math.Max(MaxLive, gc.LiveMB);
            LastGoal = gc.GoalMB;
            MaxGoal = Math.Max(MaxGoal, gc.GoalMB);
            CpuPercent = gc.CpuPercent;
            Procs = gc.Procs;
            HasStacksAndGlobals |= gc.HasStacksAndGlobals;
            SweepTermination.Add(gc.SweepTerminationMs);
            MarkTermination.Add(gc.MarkTerminationMs);
            StopTheWorld.Add(gc.StopTheWorldMs);
            Series.Add(gc);
        }
    }
}
