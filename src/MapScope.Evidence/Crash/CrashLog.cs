namespace MapScope.Evidence.Crash;

/// <summary>All dumps found in a log, and how its lines were accounted for.</summary>
public sealed record CrashLog(IReadOnlyList<CrashDump> Dumps, CrashLineCounts Lines, int DroppedDumps)
{
    /// <summary>The dumps that are map crashes.</summary>
    public IEnumerable<CrashDump> MapCrashes => Dumps.Where(d => CrashMessages.IsMapCrash(d.Kind));
}

/// <summary>Lines of a crash log: total, understood as part of a dump, and not understood.</summary>
public sealed record CrashLineCounts(long Total, long Unknown, long Overlong, long Bytes)
{
    /// <summary>Lines that carried a log collector's prefix (docker compose, kubectl, journald, timestamps, "> "), stripped before reading.</summary>
    public long Prefixed { get; init; }
}
