using System.CommandLine;
using System.Globalization;
using MapScope.Semantics.Checking;
using MapScope.Semantics.Loading;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope types --maps [PATTERNS]`: one line per expression whose type is a map (or a named map type),
/// as go/types records it: FILE:LINE:COL, the end offset and the type. For rule authors and conformance.
/// </summary>
internal static class TypesCommand
{
    private const string Details =
        "Each line is FILE:LINE:COL<TAB>END_OFFSET<TAB>TYPE, TYPE written as go/types' TypeString does\n" +
        "(full package paths, e.g. map[string]*net/http.Cookie). PATTERNS are the go command's: ./...,\n" +
        "./pkg/..., a directory, an import path, std. Packages are loaded with `go list` when the go command\n" +
        "is available (offline), otherwise — or when go list fails — from the directory tree (go.mod, go.work,\n" +
        "vendor/, GOROOT, build constraints). _test.go files are not listed. --tags a,b sets build tags.\n" +
        "Expressions whose type cannot be determined are never reported.\n" +
        "Exit codes: 0 done, 2 bad usage, no package could be loaded, or a package does not parse.";

    public static Command Create(CliContext context)
    {
        var patterns = new Argument<string[]>("PATTERNS") { Description = "packages to check (default ./...)", Arity = ArgumentArity.ZeroOrMore };
        var maps = new Option<bool>("--maps") { Description = "list map-typed expressions (the only listing so far)" };
        var loader = new Option<string>("--loader")
        {
            Description = "auto: go list when go is installed; go: require it; dir: never run go",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|go|dir",
        };
        loader.AcceptOnlyFromAmong("auto", "go", "dir");
        var tags = new Option<string[]>("--tags") { Description = "build tags (comma-separated, repeatable), as go's -tags", HelpName = "TAGS", AllowMultipleArgumentsPerToken = false };

        var command = new MapScopeCommand("types", "List the types of expressions (for rule authors)") { Details = Details };
        command.AddPaths(patterns);
        command.Add(maps);
        command.Add(loader);
        command.Add(tags);
        var maxInput = InputLimit.Create(MapScope.Syntax.Input.BoundedRead.DefaultMaxSourceBytes, "Go source file");
        command.Add(maxInput);
        command.Examples.Add("mapscope types --maps ./...");
        command.Examples.Add("mapscope types --maps std");
        command.SetAction(parse =>
        {
            if (!parse.GetValue(maps)) throw new UsageException("types: say what to list: --maps");
            var args = parse.GetValue(patterns) is { Length: > 0 } p ? p : ["./..."];
            if (args.Contains("-")) throw new UsageException("-", "types reads Go packages, not stdin: give patterns (./...) or directories");
            return Run(context, args, parse.GetRequiredValue(loader), BuildTagsOption.Split(parse.GetValue(tags)), InputLimit.Parse(parse.GetRequiredValue(maxInput)));
        });
        return command;
    }

    private static int Run(CliContext context, string[] patterns, string loaderName, IReadOnlyList<string> tags, long maxFileBytes)
    {
        IPackageLoader loader = loaderName switch
        {
            "dir" => new DirectoryLoader(),
            "go" when GoCommand.Path == null => throw new UsageException("types: --loader go: no go command found"),
            "go" => new GoListLoader(),
            _ => new AutoLoader(),
        };
        var cwd = context.Host.WorkingDirectory;
        var options = new LoadOptions { WorkingDirectory = cwd, BuildTags = tags, IncludeDependencies = true };
        var all = loader.Load(patterns, options);
        foreach (var n in all.Notes) context.ReportError(n);
        foreach (var e in all.Errors)
            context.ReportError("types: " + e + (loaderName == "go" && all.ToolFailure != null && e.StartsWith("go list failed", StringComparison.Ordinal)
                ? " (use --loader dir to load packages from the directory tree without the go command)" : ""));
        var targets = all.Packages.Where(p => !p.DepOnly).ToList();
        if (targets.Count == 0)
        {
            context.ReportError($"types: no packages matched {string.Join(' ', patterns)}");
            return CliApp.ExitUsage;
        }

        // Print types as go/types of the toolchain in use would (aliases kept from Go 1.23 on); std packages
        // carry the toolchain's release, and without them the newest behaviour applies.
        var release = all.Packages.FirstOrDefault(p => p.Standard && p.GoVersion != null)?.GoVersion ?? "1.24";
        var program = new ProgramChecker(all.Packages, CheckerOptions.ForGoRelease(release)) { MaxFileBytes = maxFileBytes };
        program.ParseAll();
        foreach (var e in targets.SelectMany(p => p.Errors.Select(e => $"types: {p.ImportPath}: {e}")).Distinct(StringComparer.Ordinal))
            context.ReportError(e);
        // checked on deep-stack worker threads, one importer each
        var syntaxErrors = new System.Collections.Concurrent.ConcurrentBag<string>();
        var perPackage = program.CheckAll(targets, (_, checker) =>
        {
            if (checker is null) return [];
            foreach (var f in checker.Files)
                foreach (var e in f.Errors.Take(10))
                    syntaxErrors.Add(DisplayPaths.For(f.Path, cwd) + f.Format(e)[f.Path.Length..]);
            return MapExpressions.Find(checker);
        });
        foreach (var m in perPackage.SelectMany(l => l))
        {
            context.Out.Write(m.Format(DisplayPaths.For(m.File, cwd)));
            context.Out.Write('\n');
        }
        // Types of a package that does not parse are incomplete: say where, and do not exit as if all was well.
        foreach (var e in syntaxErrors.Order(StringComparer.Ordinal)) context.ReportError("types: " + e);
        return syntaxErrors.IsEmpty ? CliApp.ExitClean : CliApp.ExitUsage;
    }
}
