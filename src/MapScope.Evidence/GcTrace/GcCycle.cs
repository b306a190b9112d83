namespace MapScope.Evidence.GcTrace;

/// <summary>
/// One GODEBUG=gctrace=1 line ("gc N @Ts P%: ..."). Times are in milliseconds, heap sizes in MB as the
/// runtime prints them (MiB, truncated). <see cref="StacksMB"/> and <see cref="GlobalsMB"/> are -1 on
/// Go 1.5–1.17 lines, which do not print them.
/// </summary>
public readonly record struct GcCycle(
    long Number,
    double AtSeconds,
    int CpuPercent,
    double SweepTerminationMs,
    double ConcurrentMarkMs,
    double MarkTerminationMs,
    long HeapStartMB,
    long HeapEndMB,
    long LiveMB,
    long GoalMB,
    long StacksMB,
    long GlobalsMB,
    int Procs,
    bool Forced)
{
    /// <summary>Stop-the-world time of this cycle: sweep termination plus mark termination.</summary>
    public double StopTheWorldMs => SweepTerminationMs + MarkTerminationMs;

    public bool HasStacksAndGlobals => StacksMB >= 0;
}
