namespace MapScope.Evidence.GcTrace;

/// <summary>
/// The live heap, heap goal and pauses over time, downsampled into at most <see cref="Capacity"/> buckets
/// of consecutive GCs so that any number of GCs fits in fixed memory. When full, neighbouring buckets
/// are merged pairwise. Each bucket keeps least-squares sums, so trend fits over whole buckets are exact.
/// </summary>
public sealed class HeapSeries
{
    private readonly List<HeapBucket> _buckets = [];
    private long _perBucket = 1;

    public HeapSeries(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 4);
        Capacity = capacity % 2 == 0 ? capacity : capacity + 1;
    }

    public int Capacity { get; }

    /// <summary>Time and heap origin subtracted before summing (the first GC), for numerical stability.</summary>
    public double OriginSeconds { get; private set; }
    public double OriginMB { get; private set; }

    public IReadOnlyList<HeapBucket> Buckets => _buckets;

    public long Count { get; private set; }

    public void Add(in GcCycle gc)
    {
        if (Count == 0)
        {
            OriginSeconds = gc.AtSeconds;
            OriginMB = gc.LiveMB;
        }
        Count++;
        if (_buckets.Count == 0 || _buckets[^1].Cycles >= _perBucket)
        {
            if (_buckets.Count == Capacity) Halve();
            _buckets.Add(new HeapBucket());
        }
        _buckets[^1].Add(gc, OriginSeconds, OriginMB);
    }

    /// <summary>Least-squares sums (x = seconds − origin, y = live MB − origin) over buckets whose GCs all start at or after <paramref name="fromSeconds"/>.</summary>
    public LinearSums SumsFrom(double fromSeconds)
    {
        var sums = new LinearSums();
        foreach (var b in _buckets)
            if (b.FirstSeconds >= fromSeconds) sums.Add(b.Sums);
        return sums;
    }

    private void Halve()
    {
        for (int i = 0; i < _buckets.Count / 2; i++)
        {
            var merged = _buckets[2 * i];
            merged.Merge(_buckets[2 * i + 1]);
            _buckets[i] = merged;
        }
        _buckets.RemoveRange(_buckets.Count / 2, _buckets.Count - _buckets.Count / 2);
        _perBucket *= 2;
    }
}

/// <summary>Consecutive GCs summarized: time span, live heap mean/min/max, largest goal and pause.</summary>
public sealed class HeapBucket
{
    internal LinearSums Sums;

    public long Cycles => Sums.N;
    public double FirstSeconds { get; private set; }
    public double LastSeconds { get; private set; }
    public long MinLiveMB { get; private set; } = long.MaxValue;
    public long MaxLiveMB { get; private set; }
    public long MaxGoalMB { get; private set; }
    public double MaxPauseMs { get; private set; }
    private double _liveSum;
    private double _secondsSum;

    public double MeanLiveMB => Cycles == 0 ? 0 : _liveSum / Cycles;
    public double MeanSeconds => Cycles == 0 ? 0 : _secondsSum / Cycles;

    internal void Add(in GcCycle gc, double originSeconds, double originMB)
    {
        if (Cycles == 0) FirstSeconds = gc.AtSeconds;
        LastSeconds = gc.AtSeconds;
        Sums.Add(gc.AtSeconds - originSeconds, gc.LiveMB - originMB);
        _liveSum += gc.LiveMB;
        _secondsSum += gc.AtSeconds;
        MinLiveMB = Math.Min(MinLiveMB, gc.LiveMB);
        MaxLiveMB = Math.Max(MaxLiveMB, gc.LiveMB);
        MaxGoalMB = Math.Max(MaxGoalMB, gc.GoalMB);
        MaxPauseMs = Math.Max(MaxPauseMs, gc.StopTheWorldMs);
    }

    internal void Merge(HeapBucket next)
    {
        Sums.Add(next.Sums);
        LastSeconds = next.LastSeconds;
        _liveSum += next._liveSum;
        _secondsSum += next._secondsSum;
        MinLiveMB = Math.Min(MinLiveMB, next.MinLiveMB);
        MaxLiveMB = Math.Max(MaxLiveMB, next.MaxLiveMB);
        MaxGoalMB = Math.Max(MaxGoalMB, next.MaxGoalMB);
        MaxPauseMs = Math.Max(MaxPauseMs, next.MaxPauseMs);
    }
}
