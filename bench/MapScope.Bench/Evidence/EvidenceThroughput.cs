using System.Diagnostics;

namespace MapScope.Bench.Evidence;

/// <summary>
/// `evidence-throughput [RUNS]`: best-of-N MB/s of each reader on the same inputs as
/// <see cref="EvidenceReaderBenchmarks"/>, with a Stopwatch: a quick look between BenchmarkDotNet runs.
/// </summary>
public static class EvidenceThroughput
{
    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var b = new EvidenceReaderBenchmarks();
        b.Setup();
        (string Name, Func<long> Run, int Bytes)[] cases =
        [
            ("gctrace", b.GcTrace1MLines, b.Sizes.GcTrace), ("gctrace pasted", b.GcTrace1MLinesPasted, b.Sizes.GcTracePasted),
            ("crash", b.Crash100kGoroutines, b.Sizes.Crash), ("crash pasted", b.Crash100kGoroutinesPasted, b.Sizes.CrashPasted),
            ("escape", b.Escape50MB, b.Sizes.Escape), ("escape pasted", b.Escape50MBPasted, b.Sizes.EscapePasted),
            ("legacy heap", b.LegacyHeap100kSamples, b.Sizes.Heap), ("legacy heap pasted", b.LegacyHeap100kSamplesPasted, b.Sizes.HeapPasted),
        ];
        foreach (var (name, run, bytes) in cases)
        {
            double best = double.MaxValue;
            for (int i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                run();
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            Console.WriteLine($"{name,-20} {bytes / 1e6,8:0.0} MB  best {best * 1000,8:0.0} ms  {bytes / 1e6 / best,8:0} MB/s");
        }
        return 0;
    }
}
