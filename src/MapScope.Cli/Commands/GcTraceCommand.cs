using System.CommandLine;
using MapScope.Cli.Output;
using MapScope.Evidence.GcTrace;
using MapScope.Reports.GcTrace;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope gctrace [LOG|-] [--format text|json|svg|html] [--output FILE]`: reads GODEBUG=gctrace=1
/// output (a program's whole stderr is fine) and says whether the live heap is steady or growing.
/// Exit 0 steady or not enough data (0 cycles included), 1 growing (likely leak), 2 bad usage or no GC
/// runtime line (cycle, scavenger, pacer) in the input.
/// </summary>
internal static class GcTraceCommand
{
    private const string Details =
        "LOG is the stderr of a Go program run with GODEBUG=gctrace=1 (any Go version from 1.5); other output\n" +
        "mixed in is skipped and counted. - or no LOG reads stdin, streaming, in bounded memory.\n" +
        "The verdict fits the live heap after GC (the third number of a->b->c MB) against time over the later half\n" +
        "of the run, so a warm-up ramp is not called a leak: growing needs a 95% CI of the slope above zero and\n" +
        "growth of at least 1 MB and 5% of the live heap over that half.\n" +
        "Lines may carry log prefixes (docker compose, kubectl --prefix, journald, timestamps, \"> \"); several\n" +
        "processes interleaved in one log are read apart and the one with the most GC cycles is analyzed.\n" +
        "Exit codes: 0 steady or not enough data (a log of only scavenger lines reports 0 cycles), 1 growing,\n" +
        "2 bad usage or no GC runtime line in the input.";

    public static Command Create(CliContext context)
    {
        var log = new Argument<string>("LOG") { Description = "gctrace log, or - for stdin", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format", "-f") { Description = "report format", DefaultValueFactory = _ => "text", HelpName = "text|json|svg|html" };
        format.AcceptOnlyFromAmong("text", "json", "svg", "html");
        var output = new Option<string?>("--output", "-o") { Description = "write the report to FILE instead of stdout", HelpName = "FILE" };

        var command = new MapScopeCommand("gctrace", "Read a GODEBUG=gctrace=1 log: live heap trend (steady or leaking), GC rate, pauses") { Details = Details };
        command.Add(log);
        command.Add(format);
        command.Add(output);
        var maxInput = InputLimit.Create(EvidenceIo.DefaultMaxLogBytes, "log", "read streaming: this bounds time, not memory");
        command.Add(maxInput);
        command.Examples.Add("GODEBUG=gctrace=1 ./server 2> gc.log; mapscope gctrace gc.log");
        command.Examples.Add("GODEBUG=gctrace=1 ./server 2>&1 >/dev/null | mapscope gctrace -");
        command.Examples.Add("mapscope gctrace gc.log --format html -o gc.html");
        command.SetAction(parse => Run(context, parse.GetValue(log) ?? "-", parse.GetRequiredValue(format), parse.GetValue(output), InputLimit.Parse(parse.GetRequiredValue(maxInput))));
        return command;
    }

    private static int Run(CliContext context, string log, string format, string? output, long limit)
    {
        var report = ReportFile.For(context, output, new ProtectedInputs(context.Host.WorkingDirectory, context.Host).File(log));
        var display = DisplayPaths.For(log, context.Host.WorkingDirectory);
        GcTraceSummary summary;
        using (var input = EvidenceIo.Open(context, log, limit))
        {
            if (input is null) return CliApp.ExitUsage;
            try
            {
                summary = GcTraceReader.Read(input);
            }
            catch (Exception e) when (InputErrors.IsInputError(e))
            {
                context.ReportInputError(display, InputErrors.Describe(e));
                return CliApp.ExitUsage;
            }
        }
        // A log of GC runtime lines without a cycle (only scavenger or pacer output) is a report of 0 cycles;
        // a log with no GC runtime line at all is not a gctrace log.
        var l = summary.Lines;
        if (l.Cycles + l.Scavenger + l.Pacer + l.Legacy + l.Malformed == 0)
        {
            context.ReportInputError(display, $"no GODEBUG=gctrace=1 lines found ({summary.Lines.Total} lines read)");
            return CliApp.ExitUsage;
        }
        report.Write(w =>
        {
            switch (format)
            {
                case "json": EvidenceIo.WriteBytes(w, s => GcTraceJsonReport.Write(summary, display, s)); break;
                case "svg": GcTraceSvgChart.Write(summary, display, w); break;
                case "html": GcTraceHtmlReport.Write(summary, display, w); break;
                default: GcTraceTextReport.Write(summary, display, w); break;
            }
        });
        return summary.Trend.Verdict == HeapVerdict.Growing ? CliApp.ExitFindings : CliApp.ExitClean;
    }
}
