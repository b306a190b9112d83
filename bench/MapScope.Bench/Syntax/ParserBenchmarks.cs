using BenchmarkDotNet.Attributes;
using MapScope.Syntax;

namespace MapScope.Bench.Syntax;

/// <summary>Parser throughput on one package of the standard library (net/http), one core and all cores.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private List<(string Path, byte[] Source)> _files = [];

    [GlobalSetup]
    public void Setup() => _files = CorpusFiles.Load(Path.Combine(CorpusFiles.DefaultRoot(), "net", "http"));

    [Benchmark]
    public int ParseSequential()
    {
        int nodes = 0;
        foreach (var (path, src) in _files) nodes += GoParser.ParseFile(path, src).File.Decls.Count;
        return nodes;
    }

    [Benchmark]
    public int ParseParallel() => GoParser.ParseFiles(_files).Sum(f => f.File.Decls.Count);
}
