using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MapScope.Evidence.Tests.GcTrace;

/// <summary>
/// Rewrites a real Go 1.19+ gctrace log (our fixtures) into the line forms of older releases, keeping
/// every cycle's number, time and heap sizes, and its sweep- and mark-termination pauses. The forms are
/// those seen in golang/go threads (docs/evidence-variants.md lists them): Go 1.5's five clock phases
/// ("0+1.0+8.0+2.0+1.0 ms clock", cpu "0+1.0+0+16/1.0/24+8.0 ms cpu"), 1.5 development builds'
/// "gc #N", and the 1.6–1.17 ending "N MB goal, N P" without stacks and globals.
/// </summary>
public static partial class GcTraceFormats
{
    [GeneratedRegex(@"^gc (\d+) @([\d.]+)s (\d+)%: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock, ([\d.]+)\+([\d.]+)/([\d.]+)/([\d.]+)\+([\d.]+) ms cpu, (\d+->\d+->\d+ MB), (\d+) MB goal, (\d+) MB stacks, (\d+) MB globals, (\d+) P( \(forced\))?$")]
    private static partial Regex Modern();

    public enum Form { Go118, Go16, Go15, Go15Dev }

    public static string Rewrite(string log, Form form, Func<int, bool>? forced = null)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(log.Length * 2);
        foreach (var line in log.Split('\n'))
        {
            var m = Modern().Match(line);
            if (!m.Success)
            {
                if (line.Length > 0) sb.Append(line).Append('\n');
                continue;
            }
            string G(int i) => m.Groups[i].Value;
            int number = int.Parse(G(1), c);
            bool isForced = m.Groups[17].Success || (forced?.Invoke(number) ?? false);
            string tail = isForced ? " (forced)" : "";
            string clock, cpu;
            if (form is Form.Go15 or Form.Go15Dev)
            {
                // Five phases: sweep termination, scan, synchronize Ps, mark, mark termination.
                double mark = double.Parse(G(5), c);
                clock = string.Format(c, "{0}+{1}+{2}+{3}+{4}", G(4), mark / 4, 0, mark - mark / 4, G(6));
                cpu = string.Format(c, "{0}+{1}+0+{2}/{3}/{4}+{5}", G(7), mark / 4, G(8), G(9), G(10), G(11));
            }
            else
            {
                clock = $"{G(4)}+{G(5)}+{G(6)}";
                cpu = $"{G(7)}+{G(8)}/{G(9)}/{G(10)}+{G(11)}";
            }
            string head = form == Form.Go15Dev ? $"gc #{G(1)}" : $"gc {G(1)}";
            string sizes = form == Form.Go118 ? $"{G(12)}, {G(13)} MB goal, {G(14)} MB stacks, {G(15)} MB globals, {G(16)} P" : $"{G(12)}, {G(13)} MB goal, {G(16)} P";
            sb.Append(c, $"{head} @{G(2)}s {G(3)}%: {clock} ms clock, {cpu} ms cpu, {sizes}{tail}\n");
        }
        return sb.ToString();
    }

    /// <summary>Adds what GODEBUG=gctrace=1,gcpacertrace=1 and the scavenger interleave: pacer lines per cycle, scvg/scav lines, "GC forced".</summary>
    public static string WithRuntimeChatter(string log, out int pacer, out int scavenger)
    {
        pacer = scavenger = 0;
        var sb = new StringBuilder(log.Length * 3);
        int n = 0;
        foreach (var line in log.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith("gc ", StringComparison.Ordinal))
            {
                sb.Append("pacer: assist ratio=+1.436478e+000 (scan 0 MB in 4->4 MB) workers=1++0.000000e+000\n");
                sb.Append(line).Append('\n');
                sb.Append("pacer: H_m_prev=4194304 h_t=+9.500000e-001 H_T=8178892 h_a=+9.862351e-001 H_a=8330672 h_g=+1.000000e+000 H_g=8388608 u_a=+2.500000e-001 u_g=+2.500000e-001 W_a=73048 goalΔ=+5.000000e-002 actualΔ=+3.623510e-002 u_a/u_g=+1.000000e+000\n");
                pacer += 2;
                if (++n % 10 == 0)
                {
                    sb.Append("scvg0: inuse: 4, idle: 0, sys: 4, released: 0, consumed: 4 (MB)\n");
                    sb.Append("scav 0 KiB work (bg), 0 KiB work (eager), 128 KiB total, 99% util\n");
                    sb.Append("GC forced\n");
                    scavenger += 2;
                    pacer++;
                }
            }
            else sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }
}
