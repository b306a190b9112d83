using BenchmarkDotNet.Attributes;
using MapScope.Evidence.Crash;
using MapScope.Evidence.GcTrace;

namespace MapScope.Bench.Evidence;

/// <summary>
/// Throughput of the streaming evidence readers on in-memory inputs: a 1,000,000-line gctrace log and a
/// crash dump of 100,000 goroutines. MB/s = input size (printed at setup) / mean time.
/// </summary>
[MemoryDiagnoser]
public class EvidenceReaderBenchmarks
{
    private byte[] _gcTrace = [];
    private byte[] _crash = [];

    [GlobalSetup]
    public void Setup()
    {
        _gcTrace = EvidenceInputs.GcTrace(1_000_000);
        _crash = EvidenceInputs.CrashDump(100_000);
        Console.WriteLine($"// gctrace input: {_gcTrace.Length} bytes; crash input: {_crash.Length} bytes");
    }

    [Benchmark]
    public long GcTrace1MLines() => GcTraceReader.Read(new MemoryStream(_gcTrace, writable: false)).Cycles;

    [Benchmark]
    public long Crash100kGoroutines() => CrashReader.Read(new MemoryStream(_crash, writable: false)).Dumps[0].GoroutineCount;
}
