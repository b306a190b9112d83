using System.Diagnostics.Tracing;
using MapScope.Syntax;

namespace MapScope.Bench.Syntax;

/// <summary>Samples allocations by type (runtime AllocationTick events, ~every 100 KB) while parsing a tree.</summary>
internal sealed class AllocProbe : EventListener
{
    private readonly Dictionary<string, long> _counts = [];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload == null) return;
        int i = e.PayloadNames!.IndexOf("TypeName");
        var name = i >= 0 ? e.Payload[i]?.ToString() ?? "?" : "?";
        lock (_counts) _counts[name] = _counts.GetValueOrDefault(name) + 1;
    }

    public static int Run(string[] args)
    {
        var files = CorpusFiles.Load(CorpusFiles.DefaultRoot());
        using var probe = new AllocProbe();
        foreach (var (path, src) in files) GoParser.ParseFile(path, src);
        Thread.Sleep(1000);
        lock (probe._counts)
            foreach (var (k, v) in probe._counts.OrderByDescending(kv => kv.Value).Take(25)) Console.WriteLine($"{v,8} {k}");
        return 0;
    }
}
