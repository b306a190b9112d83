using BenchmarkDotNet.Attributes;
using MapScope.Evidence.Crash;
using MapScope.Evidence.Escape;
using MapScope.Evidence.GcTrace;
using MapScope.Evidence.Pprof;

namespace MapScope.Bench.Evidence;

/// <summary>
/// Throughput of the streaming evidence readers on in-memory inputs, every one through the shared line
/// cleaner: a 1,000,000-line gctrace log, a crash dump of 100,000 goroutines, a -m=2 escape log built
/// from the Go 1.24 fixture's real output, a legacy text heap profile; each plain and as pasted from
/// a log collector (<see cref="EvidenceInputs.Pasted"/>). MB/s = input size (printed at setup) / mean time.
/// </summary>
[MemoryDiagnoser]
public class EvidenceReaderBenchmarks
{
    private byte[] _gcTrace = [], _gcTracePasted = [];
    private byte[] _crash = [], _crashPasted = [];
    private byte[] _escape = [], _escapePasted = [];
    private byte[] _heap = [], _heapPasted = [];

    [GlobalSetup]
    public void Setup()
    {
        _gcTrace = EvidenceInputs.GcTrace(1_000_000);
        _gcTracePasted = EvidenceInputs.Pasted(_gcTrace);
        _crash = EvidenceInputs.CrashDump(100_000);
        _crashPasted = EvidenceInputs.Pasted(_crash);
        var real = File.ReadAllText(Path.Combine(RepoRoot(), "tests", "fixtures", "escape", "maps", "go1.24", "m2.log"));
        _escape = EvidenceInputs.EscapeText(real, 50_000_000);
        _escapePasted = EvidenceInputs.Pasted(_escape);
        _heap = EvidenceInputs.LegacyHeap(100_000);
        _heapPasted = EvidenceInputs.Pasted(_heap);
        Console.WriteLine($"// bytes: gctrace {_gcTrace.Length} pasted {_gcTracePasted.Length}; crash {_crash.Length} pasted {_crashPasted.Length}; " +
            $"escape {_escape.Length} pasted {_escapePasted.Length}; heap {_heap.Length} pasted {_heapPasted.Length}");
    }

    /// <summary>Input sizes in bytes, for MB/s.</summary>
    public (int GcTrace, int GcTracePasted, int Crash, int CrashPasted, int Escape, int EscapePasted, int Heap, int HeapPasted) Sizes =>
        (_gcTrace.Length, _gcTracePasted.Length, _crash.Length, _crashPasted.Length, _escape.Length, _escapePasted.Length, _heap.Length, _heapPasted.Length);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MapScope.slnx"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }

    [Benchmark]
    public long GcTrace1MLines() => GcTraceReader.Read(new MemoryStream(_gcTrace, writable: false)).Cycles;

    [Benchmark]
    public long GcTrace1MLinesPasted() => GcTraceReader.Read(new MemoryStream(_gcTracePasted, writable: false)).Cycles;

    [Benchmark]
    public long Crash100kGoroutines() => CrashReader.Read(new MemoryStream(_crash, writable: false)).Dumps[0].GoroutineCount;

    [Benchmark]
    public long Crash100kGoroutinesPasted() => CrashReader.Read(new MemoryStream(_crashPasted, writable: false)).Dumps[0].GoroutineCount;

    [Benchmark]
    public long Escape50MB() => EscapeTextReader.Read(new MemoryStream(_escape, writable: false)).Lines.Diagnostics;

    [Benchmark]
    public long Escape50MBPasted() => EscapeTextReader.Read(new MemoryStream(_escapePasted, writable: false)).Lines.Diagnostics;

    [Benchmark]
    public long LegacyHeap100kSamples() => ProfileReader.Parse(_heap).Samples.Length;

    [Benchmark]
    public long LegacyHeap100kSamplesPasted() => ProfileReader.Parse(_heapPasted).Samples.Length;
}
