using System.Globalization;
using System.Text;

namespace MapScope.Bench.Evidence;

/// <summary>Generated runtime evidence shaped like Go 1.19's output, held in memory so only parsing is timed.</summary>
public static class EvidenceInputs
{
    /// <summary>A GODEBUG=gctrace=1 log of <paramref name="lines"/> GC lines with a slow leak and varied numbers.</summary>
    public static byte[] GcTrace(int lines)
    {
        var sb = new StringBuilder(lines * 140);
        var c = CultureInfo.InvariantCulture;
        for (int n = 1; n <= lines; n++)
        {
            long live = 100 + n / 5000;
            sb.Append(c, $"gc {n} @{n * 0.05:0.000}s {n % 7}%: 0.{n % 97:D3}+{n % 13}.{n % 10}+0.0{n % 89:D2} ms clock, ")
              .Append(c, $"0.{n % 83}+{n % 5}/{n % 11}.{n % 7}/{n % 3}+0.{n % 61} ms cpu, {live * 2}->{live * 2 + n % 9}->{live} MB, {live * 2} MB goal, 0 MB stacks, 1 MB globals, 8 P\n");
        }
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>A "concurrent map writes" crash with <paramref name="goroutines"/> goroutines over 40 distinct stacks.</summary>
    public static byte[] CrashDump(int goroutines)
    {
        var sb = new StringBuilder(goroutines * 300);
        sb.Append("fatal error: concurrent map writes\n\ngoroutine 7 [running]:\n")
          .Append("main.(*Cache).Put(0xc000010000, {0x4b2d1a, 0x3}, 0x1)\n\t/src/app/cache.go:42 +0x8b\n")
          .Append("main.handle(0xc00001c0e0)\n\t/src/app/handler.go:17 +0x7a\ncreated by main.serve\n\t/src/app/serve.go:30 +0x3c\n");
        for (int i = 1; i < goroutines; i++)
        {
            int stack = i % 40;
            sb.Append("\ngoroutine ").Append(1000 + i).Append(" [chan receive, ").Append(i % 30).Append(" minutes]:\n")
              .Append("runtime.gopark(0xc0000").Append(i % 999).Append(", 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6\n")
              .Append("runtime.chanrecv(0xc000").Append(i % 4096).Append(", 0x0, 0x1)\n\t/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49d\n")
              .Append("example.com/service/internal/worker.(*Pool).run").Append(stack).Append("(0xc000").Append(i % 4096).Append(", {0x4b2d1a, 0x").Append(i % 97).Append("})\n")
              .Append("\t/src/service/internal/worker/pool.go:").Append(100 + stack).Append(" +0x1b\n")
              .Append("example.com/service/internal/worker.New.func1()\n\t/src/service/internal/worker/pool.go:58 +0x45\n")
              .Append("created by example.com/service/internal/worker.New\n\t/src/service/internal/worker/pool.go:52 +0x9e\n");
        }
        sb.Append('\n');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>
    /// The same text as pasted from a log collector: every line behind a GitHub Actions timestamp and a docker
    /// compose prefix, tabs turned into 4 spaces, CRLF line endings, trailing spaces: the line cleaner's worst
    /// ordinary case (every line prefixed twice, every indented line copied).
    /// </summary>
    public static byte[] Pasted(byte[] text)
    {
        var s = Encoding.ASCII.GetString(text);
        var sb = new StringBuilder(s.Length * 2);
        foreach (var line in s.Split('\n'))
            sb.Append("2024-05-06T07:08:09.1234567Z api-1  | ").Append(line.Replace("\t", "    ")).Append("  \r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>-gcflags=-m=2 output of a many-package build: the given real log (a fixture's) repeated, each copy as another package and file, to <paramref name="bytes"/>.</summary>
    public static byte[] EscapeText(string realLog, int bytes)
    {
        var sb = new StringBuilder(bytes + realLog.Length);
        for (int round = 0; sb.Length < bytes; round++)
            foreach (var line in realLog.Split('\n'))
                sb.Append(line.StartsWith("# ", StringComparison.Ordinal) ? $"{line}/p{round}" : line.Replace("main.go:", $"p{round}/main.go:")).Append('\n');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>A legacy text heap profile (debug=1) of <paramref name="samples"/> samples of 4 frames over 500 sites.</summary>
    public static byte[] LegacyHeap(int samples)
    {
        var sb = new StringBuilder(samples * 300);
        sb.Append("heap profile: 1000: 2048000 [2000: 4096000] @ heap/1048576\n");
        for (int i = 0; i < samples; i++)
        {
            int site = i % 500;
            ulong pc = 0x4b0000UL + (ulong)site * 0x40;
            sb.Append(1 + i % 7).Append(": ").Append((1 + i % 7) * 4096).Append(" [").Append(2 + i % 7).Append(": ").Append((2 + i % 7) * 4096).Append("] @ 0x40d7ce 0x")
              .Append(pc.ToString("x")).Append(" 0x").Append((pc + 0x1000).ToString("x")).Append(" 0x437452\n")
              .Append("#\t0x").Append((pc - 1).ToString("x")).Append("\tmain.site").Append(site).Append("+0x153\t/src/app/site").Append(site % 20).Append(".go:").Append(17 + site).Append('\n')
              .Append("#\t0x").Append((pc + 0xfff).ToString("x")).Append("\tmain.main+0x125\t\t/src/app/main.go:26\n")
              .Append("#\t0x437451\truntime.main+0x211\t/usr/lib/go-1.19/src/runtime/proc.go:250\n\n");
        }
        sb.Append("\n# runtime.MemStats\n# Alloc = 1234\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
