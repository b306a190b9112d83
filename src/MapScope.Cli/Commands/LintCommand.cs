using System.CommandLine;
using MapScope.Analysis.Config;
using MapScope.Cli.Output;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;
using MapScope.Reports.Lint;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope lint [PATTERNS] [--format text|json|sarif|github|checkstyle] [--enable IDS] [--disable IDS]
/// [--severity LEVEL] [--output FILE] [--loader auto|go|dir] [--tests=false] [--tags a,b]`: runs the map rules on Go packages.
/// Exit 0 clean, 1 findings, 2 bad usage, bad config or packages that could not be loaded, 3 a rule failed.
/// </summary>
internal static class LintCommand
{
    private const string Details =
        "PATTERNS are the go command's (./..., ./pkg/..., a directory, an import path, std); default ./...\n" +
        "Go files named on the command line (a.go b.go, one directory) are linted as one package, as by go vet.\n" +
        "_test.go files are linted too (a package with its tests, and its external package x_test); --tests=false\n" +
        "skips them. --tags a,b sets build tags, as the go command's -tags.\n" +
        "--loader auto runs go list (offline: GOTOOLCHAIN=local, GOPROXY=off) and reads the directory tree\n" +
        "instead when go list fails, e.g. on a go line newer than the local go; imports of modules that are not\n" +
        "downloaded are unknown (counted in one note) and produce no findings.\n" +
        "Findings print as path:line:col: message (rule-id), paths relative to the working directory.\n" +
        "Formats: text; json (schema in docs/lint-json.md); sarif (SARIF 2.1.0, for GitHub code scanning);\n" +
        "github (::error/::warning/::notice workflow commands, for annotations in a GitHub Actions log);\n" +
        "checkstyle (XML).\n" +
        "Configuration: .mapscope.yml, found by walking up from the working directory:\n" +
        "  rules: {RULE-ID: {enabled: true|false, severity: error|warning|info}}\n" +
        "  exclude: [\"vendor/**\", \"**/*_gen.go\"]   (globs relative to the file's folder)\n" +
        "--enable/--disable take rule ids (comma-separated, repeatable, or all) and override the file;\n" +
        "a named rule beats all: --disable all --enable nil-map-write runs only nil-map-write.\n" +
        "Silence one finding with a comment on its line or alone on the line above:\n" +
        "  //mapscope:ignore RULE-ID[,RULE-ID] reason   (RULE-ID may be all; a missing reason is reported)\n" +
        "Exit codes: 0 no findings, 1 findings, 2 bad usage, bad .mapscope.yml or a pattern that loads nothing,\n" +
        "3 a rule failed on some package (other rules' findings are still reported).";

    private static readonly string[] Formats = ["text", "json", "sarif", "github", "checkstyle"];

    public static Command Create(CliContext context)
    {
        var patterns = new Argument<string[]>("PATTERNS") { Description = "packages to lint (default ./...)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "output format", DefaultValueFactory = _ => "text", HelpName = string.Join('|', Formats) };
        format.AcceptOnlyFromAmong(Formats);
        var enable = new Option<string[]>("--enable") { Description = "turn rules on (ids, comma-separated, or all)", HelpName = "IDS", AllowMultipleArgumentsPerToken = false };
        var disable = new Option<string[]>("--disable") { Description = "turn rules off (ids, comma-separated, or all)", HelpName = "IDS", AllowMultipleArgumentsPerToken = false };
        var severity = new Option<string>("--severity") { Description = "report only findings of at least this severity", DefaultValueFactory = _ => "info", HelpName = "info|warning|error" };
        severity.AcceptOnlyFromAmong("info", "warning", "error");
        var output = new Option<string?>("--output", "-o") { Description = "write the report to FILE instead of stdout", HelpName = "FILE" };
        var loader = new Option<string>("--loader")
        {
            Description = "auto: go list when go is installed, the directory tree when it fails; go: require go list; dir: never run go",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|go|dir",
        };
        loader.AcceptOnlyFromAmong("auto", "go", "dir");
        var tests = new Option<bool>("--tests") { Description = "lint _test.go files too (--tests=false skips them)", DefaultValueFactory = _ => true };
        var tags = new Option<string[]>("--tags") { Description = "build tags (comma-separated, repeatable), as go's -tags", HelpName = "TAGS", AllowMultipleArgumentsPerToken = false };

        var command = new MapScopeCommand("lint", "Find map bugs in Go packages: nil-map writes, unlocked concurrent writes, unbounded growth, ...") { Details = Details };
        command.AddPaths(patterns);
        command.Add(format);
        command.Add(enable);
        command.Add(disable);
        command.Add(severity);
        command.Add(output);
        command.Add(loader);
        command.Add(tests);
        command.Add(tags);
        var maxInput = InputLimit.Create(MapScope.Syntax.Input.BoundedRead.DefaultMaxSourceBytes, "Go source file");
        command.Add(maxInput);
        var verbose = new Option<bool>("--verbose", "-v") { Description = "text format: print how to fix each finding on an indented line below it" };
        command.Add(verbose);
        var docsUrl = new Option<string>("--docs-url")
        {
            Description = "sarif: base URL of the rule pages (helpUri = BASE/RULE-ID.md)",
            DefaultValueFactory = _ => LintSarifReport.DefaultDocsUrl,
            HelpName = "URL",
        };
        command.Add(docsUrl);
        command.Examples.Add("mapscope lint                                  # ./... of the current module");
        command.Examples.Add("mapscope lint ./... --format sarif -o mapscope.sarif");
        command.Examples.Add("mapscope lint --format github                  # annotations in a GitHub Actions log");
        command.Examples.Add("mapscope lint std --severity error");
        command.SetAction(parse => Run(context, new LintOptions
        {
            WorkingDirectory = context.Host.WorkingDirectory,
            Patterns = parse.GetValue(patterns) ?? [],
            Enable = parse.GetValue(enable) ?? [],
            Disable = parse.GetValue(disable) ?? [],
            MinimumSeverity = SeverityNames.Parse(parse.GetRequiredValue(severity)) ?? Severity.Info,
            Loader = parse.GetRequiredValue(loader) switch { "go" => LoaderKind.Go, "dir" => LoaderKind.Directory, _ => LoaderKind.Auto },
            Tests = parse.GetValue(tests),
            BuildTags = BuildTagsOption.Split(parse.GetValue(tags)),
            MaxFileBytes = InputLimit.Parse(parse.GetRequiredValue(maxInput)),
            Analyzers = LintRules.Current,
        }, new Presentation(parse.GetRequiredValue(format), parse.GetValue(verbose), DocsUrl(parse.GetRequiredValue(docsUrl))), parse.GetValue(output)));
        return command;
    }

    /// <summary>How the report looks: format, advice lines in text, the base of SARIF's rule links.</summary>
    private sealed record Presentation(string Format, bool Verbose, string DocsUrl);

    private static string DocsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "file"
            ? text
            : throw new UsageException("--docs-url", $"expects an absolute http(s) or file URL, not '{text}'");

    private static int Run(CliContext context, LintOptions options, Presentation format, string? output)
    {
        var cwd = options.WorkingDirectory;
        if (options.Patterns.Contains("-"))
            throw new UsageException("-", "lint reads Go packages, not stdin: give patterns (./...) or .go files");
        var inputs = new ProtectedInputs(cwd);
        foreach (var pattern in options.Patterns)
        {
            var full = Path.GetFullPath(pattern, cwd);
            if (File.Exists(full)) inputs.File(pattern);
        }
        // Refuse a bad --output before a long run, and again once the packages' folders are known.
        var report = ReportFile.For(context, output, inputs);

        var progress = context.Host.StderrIsTerminal ? new LintProgressLine(context.Error) : null;
        LintResult result;
        try
        {
            result = LintRunner.Run(options with { Progress = progress is null ? null : p => progress.Report(p.Done, p.Total, p.Package) });
        }
        catch (Exception e) when (e is ConfigException or LintException)
        {
            progress?.Clear();
            // CI uploads the report whatever happened: leave a well-formed one that says the run failed.
            if (report.IsFile || format.Format is "json" or "sarif")
                WriteReport(report, format, new LintResult([], [], [e.Message], [], [], 0), cwd);
            return EvidenceIo.Usage(context, "lint", e.Message);
        }
        progress?.Clear();
        foreach (var dir in result.PackageDirectories) inputs.Tree(dir, $"the linted package folder {DisplayPaths.For(dir, cwd)}");
        report.Recheck(inputs);

        foreach (var n in result.Notes) context.ReportError(n);
        foreach (var e in result.LoadErrors.Take(MaxErrorLines)) context.ReportError("lint: " + e);
        if (result.LoadErrors.Count > MaxErrorLines) context.ReportError($"lint: ... and {result.LoadErrors.Count - MaxErrorLines} more load errors (all of them are in --format json and sarif)");
        foreach (var w in result.Warnings.Take(MaxErrorLines)) context.ReportError("lint: warning: " + w);
        if (result.Warnings.Count > MaxErrorLines) context.ReportError($"lint: warning: ... and {result.Warnings.Count - MaxErrorLines} more");
        foreach (var e in result.InternalErrors) context.ReportError("lint: internal error: " + e);

        // Always a well-formed report, empty when nothing could be loaded, so a CI upload step finds its file.
        WriteReport(report, format, result, cwd);
        if (result.Packages > 0)
            context.Error.WriteLine(Summary(result) + (format is { Format: "text", Verbose: false } && result.Diagnostics.Any(d => d.Message.Contains(LintTextReport.AdviceSeparator, StringComparison.Ordinal)) ? " (--verbose says how to fix each)" : ""));

        if (result.LoadErrors.Count > 0) return CliApp.ExitUsage;
        if (result.Diagnostics.Count > 0) return CliApp.ExitFindings;
        return result.InternalErrors.Count > 0 ? CliApp.ExitInternal : CliApp.ExitClean;
    }

    private const int MaxErrorLines = 20;

    private static void WriteReport(ReportFile report, Presentation format, LintResult result, string cwd) => report.Write(w =>
    {
        switch (format.Format)
        {
            case "json": EvidenceIo.WriteBytes(w, s => LintJsonReport.Write(result, s)); break;
            case "sarif": EvidenceIo.WriteBytes(w, s => LintSarifReport.Write(result, CliApp.Version, cwd, s, format.DocsUrl)); break;
            case "github": LintGithubReport.Write(result, w); break;
            case "checkstyle": LintCheckstyleReport.Write(result, w); break;
            default: LintTextReport.Write(result, w, format.Verbose); break;
        }
    });

    /// <summary>"3 findings in 2 packages, 5 rules" — on stderr, so stdout stays findings only.</summary>
    private static string Summary(LintResult result)
    {
        static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
        var text = $"{Count(result.Diagnostics.Count, "finding")} in {Count(result.Packages, "package")}, {Count(result.Rules.Count, "rule")}";
        if (result.LoadErrors.Count > 0) text += $"; {Count(result.LoadErrors.Count, "load error")}: the run is incomplete";
        return text;
    }
}
