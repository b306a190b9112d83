using System.CommandLine;
using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Cli.Output;
using MapScope.Evidence.Escape;
using MapScope.Reports.Escape;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope escape [LOG|-|JSONDIR] [--source DIR] [--format text|json] [--output FILE]`: lists the maps
/// the compiler put on the heap and why, and the keys and values that leak through map puts and literals.
/// Exit 0 on any readable log (escapes are information, not errors), 2 bad usage or no compiler diagnostics.
/// </summary>
internal static class EscapeCommand
{
    private const string Details =
        "LOG is the stderr of go build -gcflags=-m (maps only), -gcflags=-m=2 or '-m -m' (maps with reasons);\n" +
        "JSONDIR is the folder given to go build -gcflags=-json=0,JSONDIR. - or no LOG reads stdin.\n" +
        "Reasons: assigned-to-global, stored-in-map, returned, captured-by-closure, passed-to-call,\n" +
        "converted-to-interface, stored-in-heap, unknown (-m without =2).\n" +
        "--source DIR names each heap map after the variable or field it is stored in (with its declaration),\n" +
        "names the map each key or value leaks into, and settles 'X[k] = v' stores: a map value when X is\n" +
        "provably a map, dropped when X is provably a slice or array. ./file.go positions are found through\n" +
        "the package path and go.mod, or by path suffix.\n" +
        "Exit codes: 0 read, 2 bad usage or no compiler diagnostics in the input.";

    public static Command Create(CliContext context)
    {
        var log = new Argument<string>("LOG") { Description = "escape-analysis output, a -json=0,DIR folder, or - for stdin", Arity = ArgumentArity.ZeroOrOne };
        var source = new Option<string?>("--source") { Description = "Go source tree that was built", HelpName = "DIR" };
        var format = new Option<string>("--format", "-f") { Description = "report format", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--output", "-o") { Description = "write the report to FILE instead of stdout", HelpName = "FILE" };

        var command = new MapScopeCommand("escape", "Explain why maps escape to the heap, from go build -gcflags=-m=2 or -json output") { Details = Details };
        command.Add(log);
        var maxInput = InputLimit.Create(EvidenceIo.DefaultMaxLogBytes, "log", "read streaming: this bounds time, not memory");
        foreach (var o in new Option[] { source, format, output, maxInput }) command.Add(o);
        command.Examples.Add("go build -gcflags=-m=2 ./... 2> build.log; mapscope escape build.log --source .");
        command.Examples.Add("go build -gcflags=-json=0,$PWD/esc ./... && mapscope escape esc");
        command.SetAction(parse => Run(context, parse.GetValue(log) ?? "-", parse.GetValue(source), parse.GetRequiredValue(format), parse.GetValue(output), InputLimit.Parse(parse.GetRequiredValue(maxInput))));
        return command;
    }

    private static int Run(CliContext context, string log, string? source, string format, string? output, long limit)
    {
        var cwd = context.Host.WorkingDirectory;
        var report = ReportFile.For(context, output, new ProtectedInputs(cwd, context.Host).File(log).Tree(log, log, everyFile: true).Tree(source, $"--source {source}"));
        var sourceDir = SourceTreeOption.Resolve(context, source);
        var index = sourceDir is null ? null : new SourceIndex(sourceDir);
        var display = DisplayPaths.For(log, cwd);
        EscapeLog result;
        try
        {
            var full = Path.GetFullPath(log, cwd);
            if (log != "-" && Directory.Exists(full)) result = EscapeJsonReader.ReadDirectory(full);
            else
            {
                using var input = EvidenceIo.Open(context, log, limit);
                if (input is null) return CliApp.ExitUsage;
                result = IsJson(log) ? EscapeJsonReader.Read(input) : EscapeTextReader.Read(input);
            }
        }
        catch (Exception e) when (InputErrors.IsInputError(e))
        {
            context.ReportInputError(display, InputErrors.Describe(e));
            return CliApp.ExitUsage;
        }
        if (result.Lines.Diagnostics == 0)
        {
            context.ReportInputError(display, $"no compiler diagnostics found ({result.Lines.Total} lines read); expected go build -gcflags=-m output");
            return CliApp.ExitUsage;
        }
        string Show(string file) => file.StartsWith("./", StringComparison.Ordinal) ? file[2..] : Path.IsPathRooted(file) ? DisplayPaths.For(file, cwd) : file;
        var facts = index is null ? null
            : EscapeSourceFacts.Build(result, new EscapeJoin(index), rel => DisplayPaths.For(Path.Combine(Path.GetFullPath(source!, cwd), rel), cwd));
        report.Write(w =>
        {
            if (format == "json") EvidenceIo.WriteBytes(w, s => EscapeJsonReport.Write(result, display, Show, s, facts));
            else EscapeTextReport.Write(result, display, Show, w, facts);
        });
        return CliApp.ExitClean;
    }

    private static bool IsJson(string log) => log.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
