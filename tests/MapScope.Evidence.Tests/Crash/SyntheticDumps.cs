using System.Text;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>Large crash dumps shaped like Go 1.19's, for robustness tests and benchmarks.</summary>
public static class SyntheticDumps
{
    public const int DistinctStacks = 8;

    /// <summary>A "concurrent map writes" crash: the crashing goroutine, then goroutines spread over <see cref="DistinctStacks"/> stacks.</summary>
    public static string Crash(int goroutines, int seed = 0)
    {
        var sb = new StringBuilder(goroutines * 260);
        sb.Append("fatal error: concurrent map writes\n\ngoroutine 7 [running]:\n")
          .Append("main.(*Cache).Put(0xc000010000, {0x4b2d1a, 0x3}, 0x1)\n\t/src/app/cache.go:42 +0x8b\n")
          .Append("main.handle(0xc00001c0e0)\n\t/src/app/handler.go:17 +0x7a\ncreated by main.serve\n\t/src/app/serve.go:30 +0x3c\n");
        for (int i = 1; i < goroutines; i++)
        {
            int stack = (i + seed) % DistinctStacks;
            sb.Append("\ngoroutine ").Append(1000 + i).Append(" [chan receive, ").Append(i % 30).Append(" minutes]:\n")
              .Append("main.worker").Append(stack).Append("(0xc000").Append(i % 4096).Append(", 0x").Append(i % 97).Append(")\n")
              .Append("\t/src/app/worker.go:").Append(100 + stack).Append(" +0x1b\n")
              .Append("main.pool.func1()\n\t/src/app/pool.go:58 +0x45\n")
              .Append("created by main.startPool\n\t/src/app/pool.go:52 +0x9e\n");
        }
        sb.Append('\n');
        return sb.ToString();
    }
}
