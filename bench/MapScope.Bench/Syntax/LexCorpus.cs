using System.Diagnostics;
using System.Globalization;
using MapScope.Syntax;

namespace MapScope.Bench.Syntax;

/// <summary>Scanner-only throughput over a tree, single-threaded: separates lexing cost from parsing cost.</summary>
internal static class LexCorpus
{
    public static int Run(string[] args)
    {
        var files = CorpusFiles.Load(args.Length > 0 ? args[0] : CorpusFiles.DefaultRoot());
        long bytes = files.Sum(f => (long)f.Source.Length);
        double best = double.MaxValue;
        long tokens = 0;
        for (int r = 0; r < 4; r++)
        {
            tokens = 0;
            var sw = Stopwatch.StartNew();
            foreach (var (_, src) in files)
            {
                var s = new Scanner(src, (_, _) => { });
                do
                {
                    s.Scan();
                    tokens++;
                } while (s.Tok != Token.EOF);
            }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        double seqParse = double.MaxValue, cpu = double.MaxValue;
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            var t0 = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var (path, src) in files) GoParser.ParseFile(path, src);
            seqParse = Math.Min(seqParse, sw.Elapsed.TotalSeconds);
            cpu = Math.Min(cpu, (Process.GetCurrentProcess().TotalProcessorTime - t0).TotalSeconds);
        }
        Console.WriteLine($"sequential parse cpu seconds={cpu:F3}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lex tokens={tokens} seconds={best:F3} mbps={bytes / best / 1e6:F1}; sequential parse seconds={seqParse:F3} mbps={bytes / seqParse / 1e6:F1}"));
        return 0;
    }
}
