using System.Diagnostics;
using System.Globalization;
using MapScope.Syntax;

namespace MapScope.Bench.Syntax;

/// <summary>
/// End-to-end parser throughput over a whole tree on all cores, in the same shape as bench/goparse:
/// files are read first, then parsed (comments kept) in parallel; the best of N runs is printed.
/// </summary>
internal static class ParseCorpus
{
    public static int Run(string[] args)
    {
        int runs = 5;
        string? root = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "-n" && i + 1 < args.Length) runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else root = args[i];
        }
        root ??= CorpusFiles.DefaultRoot();
        var files = CorpusFiles.Load(root);
        long bytes = files.Sum(f => (long)f.Source.Length);

        // warm-up run lets the JIT reach its optimized code before timing
        int errors = ParseAll(files);
        double best = double.MaxValue, bestCpu = double.MaxValue;
        for (int r = 0; r < runs; r++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            ParseAll(files);
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mapscope files={files.Count} bytes={bytes} seconds={best:F3} mbps={bytes / best / 1e6:F1} errors={errors} cpu-seconds={bestCpu:F3}"));
        return 0;
    }

    /// <summary>Parses every file on all cores, keeping no tree (as goparse does); returns the error count.</summary>
    private static int ParseAll(List<(string Path, byte[] Source)> files)
    {
        int next = -1, errors = 0;
        var workers = new Thread[Environment.ProcessorCount];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < files.Count)
                {
                    if (GoParser.ParseFile(files[i].Path, files[i].Source).HasErrors) Interlocked.Increment(ref errors);
                }
            }, 16 << 20);
            workers[w].Start();
        }
        foreach (var t in workers) t.Join();
        return errors;
    }
}
