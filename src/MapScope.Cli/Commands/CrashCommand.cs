using System.CommandLine;
using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Cli.Output;
using MapScope.Evidence.Crash;
using MapScope.Reports.Crash;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope crash [LOG|-] [--source DIR] [--format text|json|html] [--output FILE]`: finds panics, fatal
/// errors and goroutine dumps in a log, names each map crash and its culprit line, and groups goroutines
/// with identical stacks. Exit 0 no crash (goroutine dumps only), 1 a panic or fatal error was found,
/// 2 bad usage or no dump in the input.
/// </summary>
internal static class CrashCommand
{
    private const string Details =
        "LOG is any output holding Go tracebacks: a crashed program's stderr, a service log, or a\n" +
        "/debug/pprof/goroutine?debug=2 dump; several dumps in one log are reported one by one.\n" +
        "The culprit is the first frame outside the runtime of the goroutine that crashed.\n" +
        "--source DIR names the map at the culprit line (package variable, struct field or local, with its\n" +
        "declaration), lists every other read and write of it in its package with the goroutine entry points\n" +
        "(go statements, HTTP handlers, main) that reach them, and joins the other parties' frames the same way.\n" +
        "Paths in the dump are matched to DIR by go.mod's module path or the longest path suffix; only\n" +
        "declarations in the same package are used, and a map that cannot be proven is not named.\n" +
        "Exit codes: 0 no panic or fatal error, 1 a crash was found, 2 bad usage or no dump in the input.";

    public static Command Create(CliContext context)
    {
        var log = new Argument<string>("LOG") { Description = "log with Go tracebacks, or - for stdin", Arity = ArgumentArity.ZeroOrOne };
        var source = new Option<string?>("--source") { Description = "Go source tree of the crashed program", HelpName = "DIR" };
        var format = new Option<string>("--format", "-f") { Description = "report format", DefaultValueFactory = _ => "text", HelpName = "text|json|html" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--output", "-o") { Description = "write the report to FILE instead of stdout", HelpName = "FILE" };

        var command = new MapScopeCommand("crash", "Explain Go crash dumps: map crash kind, culprit line, deduplicated goroutines") { Details = Details };
        command.Add(log);
        var maxInput = InputLimit.Create(EvidenceIo.DefaultMaxLogBytes, "log", "read streaming: this bounds time, not memory");
        foreach (var o in new Option[] { source, format, output, maxInput }) command.Add(o);
        command.Examples.Add("mapscope crash crash.log --source .");
        command.Examples.Add("curl -s 'localhost:6060/debug/pprof/goroutine?debug=2' | mapscope crash -");
        command.SetAction(parse => Run(context, parse.GetValue(log) ?? "-", parse.GetValue(source), parse.GetRequiredValue(format), parse.GetValue(output), InputLimit.Parse(parse.GetRequiredValue(maxInput))));
        return command;
    }

    private static int Run(CliContext context, string log, string? source, string format, string? output, long limit)
    {
        var cwd = context.Host.WorkingDirectory;
        var report = ReportFile.For(context, output, new ProtectedInputs(cwd, context.Host).File(log).Tree(source, $"--source {source}"));
        var sourceDir = SourceTreeOption.Resolve(context, source);
        var index = sourceDir is null ? null : new SourceIndex(sourceDir);
        var display = DisplayPaths.For(log, context.Host.WorkingDirectory);
        CrashLog result;
        using (var input = EvidenceIo.Open(context, log, limit))
        {
            if (input is null) return CliApp.ExitUsage;
            try
            {
                result = CrashReader.Read(input);
            }
            catch (Exception e) when (InputErrors.IsInputError(e))
            {
                context.ReportInputError(display, InputErrors.Describe(e));
                return CliApp.ExitUsage;
            }
        }
        if (result.Dumps.Count == 0)
        {
            context.ReportInputError(display, $"no Go panic, fatal error or goroutine dump found ({result.Lines.Total} lines read)");
            return CliApp.ExitUsage;
        }
        var facts = index is null ? null
            : CrashSourceFacts.Build(result, new CrashJoin(index), rel => DisplayPaths.For(Path.Combine(Path.GetFullPath(source!, cwd), rel), cwd));
        report.Write(w =>
        {
            switch (format)
            {
                case "json": EvidenceIo.WriteBytes(w, s => CrashJsonReport.Write(result, display, s, facts)); break;
                case "html": CrashHtmlReport.Write(result, display, w, facts); break;
                default: CrashTextReport.Write(result, display, w, source: facts); break;
            }
        });
        return result.Dumps.Any(d => d.Kind != CrashKind.GoroutineDump) ? CliApp.ExitFindings : CliApp.ExitClean;
    }
}
