using System.CommandLine;
using System.Runtime.ExceptionServices;
using MapScope.Syntax;
using MapScope.Syntax.Input;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope ast FILE... [--format tree|spans]`: prints the syntax tree of Go files, for rule authors
/// (tree) and for conformance checks against go/parser (spans).
/// Exit 0 when every file parsed, 1 when some file has syntax errors, 2 when some input is unreadable.
/// </summary>
internal static class AstCommand
{
    private const string Details =
        "FILE may be a .go file, a directory (its *.go files, sorted, not recursive) or - for stdin.\n" +
        "Syntax errors go to stderr as path:line:col: message.\n" +
        "Exit codes: 0 every file parsed, 1 some file has syntax errors, 2 some input could not be read\n" +
        "(the other inputs are still printed).";

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Go source files, directories of them, or - for stdin",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "tree: an indented tree for people; spans: 'KIND START END' per node (go/ast byte offsets)",
            DefaultValueFactory = _ => "tree",
            HelpName = "tree|spans",
        };
        format.AcceptOnlyFromAmong("tree", "spans");
        var go = new Option<string?>("--go")
        {
            Description = "parse as go/parser of this Go release does (1.19 keeps checks later releases left to go/types); default: the newest, " + GoVersion.Latest,
            HelpName = "VERSION",
        };

        var command = new MapScopeCommand("ast", "Print the syntax tree of Go files") { Details = Details };
        command.AddPaths(files);
        command.Add(format);
        command.Add(go);
        var maxInput = InputLimit.Create(BoundedRead.DefaultMaxSourceBytes, "Go source file");
        command.Add(maxInput);
        command.Examples.Add("mapscope ast examples/cache/cache.go");
        command.Examples.Add("mapscope ast --format spans examples/cache");
        command.Examples.Add("cat main.go | mapscope ast -");
        command.Examples.Add("mapscope ast --go 1.19 --format spans main.go");
        command.SetAction(parse =>
        {
            var release = GoVersion.Latest;
            if (parse.GetValue(go) is { } text && !GoVersion.TryParse(text, out release))
                throw new UsageException($"--go: {text}: not a Go release (1.19, go1.24.4)");
            return Run(context, parse.GetRequiredValue(files), parse.GetRequiredValue(format) == "spans", release, InputLimit.Parse(parse.GetRequiredValue(maxInput)));
        });
        return command;
    }

    private static int Run(CliContext context, string[] arguments, bool spans, GoVersion release, long limit)
    {
        var inputs = GoInputs.Expand(arguments, context, out bool unreadable);
        bool syntaxErrors = false;
        // Parse in parallel, print in input order; batches keep memory bounded on huge file lists.
        int batchSize = Math.Max(16, Environment.ProcessorCount * 4);
        for (int start = 0; start < inputs.Count; start += batchSize)
        {
            var batch = inputs.Skip(start).Take(batchSize).ToArray();
            var results = new Result[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => results[i] = Render(batch[i], context.Host, spans, release, limit));
            foreach (var result in results)
            {
                result.Failure?.Throw();
                if (result.ReadError is { } readError)
                {
                    context.ReportError(readError);
                    unreadable = true;
                    continue;
                }
                context.Out.Write(result.Output);
                foreach (var line in result.Errors) context.Error.WriteLine(line);
                syntaxErrors |= result.Errors.Count > 0;
            }
        }
        return unreadable ? CliApp.ExitUsage : syntaxErrors ? CliApp.ExitFindings : CliApp.ExitClean;
    }

    private sealed record Result(string Output, IReadOnlyList<string> Errors, string? ReadError, ExceptionDispatchInfo? Failure);

    private static Result Render(GoInput input, CliHost host, bool spans, GoVersion release, long limit)
    {
        byte[] source;
        try
        {
            source = input.Read(host, limit);
        }
        catch (Exception e) when (InputErrors.IsInputError(e))
        {
            return new Result("", [], $"{input.Display}: {InputErrors.Describe(e)}", null);
        }
        try
        {
            var parsed = GoParser.ParseFile(input.Display, source, release);
            var output = new StringWriter();
            if (spans) AstSpans.Write(parsed, output, input.Display);
            else AstTree.Write(parsed, output, input.Display);
            return new Result(output.ToString(), parsed.Errors.Select(parsed.Format).ToArray(), null, null);
        }
        catch (Exception e)
        {
            // Not an input problem: the parser never throws on bad input, so this is a bug (exit 3).
            return new Result("", [], null, ExceptionDispatchInfo.Capture(e));
        }
    }
}
