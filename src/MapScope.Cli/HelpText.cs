using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace MapScope.Cli;

/// <summary>System.CommandLine's help followed by an "Examples:" section for the root and each command.</summary>
internal static class HelpText
{
    public static readonly string[] RootExamples =
    [
        "mapscope lint                                 # find map bugs in ./... of the current module",
        "mapscope lint ./... --format sarif -o mapscope.sarif",
        "mapscope heap heap.pb.gz --source .           # which maps hold the memory",
        "mapscope crash crash.log --source .           # which map a concurrent-map crash was about",
        "mapscope ast examples/cache/cache.go          # print the syntax tree of a Go file",
        "mapscope help lint                            # help for one command (or: mapscope lint --help)",
    ];

    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
            if (option is HelpOption { Action: HelpAction standard } help)
                help.Action = new HelpWithExamples(standard);
    }

    private sealed class HelpWithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int code = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.CommandResult.Command is MapScopeCommand { Details: { } details })
            {
                output.WriteLine("Details:");
                foreach (var line in details.Split('\n')) output.WriteLine(line.Length == 0 ? "" : "  " + line);
                output.WriteLine();
            }
            IReadOnlyList<string> examples = parseResult.CommandResult.Command switch
            {
                MapScopeCommand command => command.Examples,
                RootCommand => RootExamples,
                _ => [],
            };
            if (examples.Count == 0) return code;
            output.WriteLine("Examples:");
            foreach (var example in examples) output.WriteLine("  " + example);
            output.WriteLine();
            return code;
        }
    }
}
