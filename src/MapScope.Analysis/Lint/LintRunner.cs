using MapScope.Analysis.Config;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules;
using MapScope.Analysis.Suppressions;
using MapScope.Semantics.Checking;
using MapScope.Semantics.Loading;
using MapScope.Syntax;

namespace MapScope.Analysis.Lint;

/// <summary>
/// One lint run: load the packages of the patterns (and their dependencies, for types; with their tests unless
/// Tests is off, see <see cref="TestPackages"/>), parse everything
/// in parallel, then type-check the target packages and run every selected analyzer on each, on all cores.
/// An analyzer that throws becomes an <see cref="InternalError"/> for that package; the run goes on.
/// Diagnostics are then filtered (excludes, //mapscope:ignore, minimum severity), made relative, sorted and deduplicated.
/// </summary>
public static class LintRunner
{
    /// <summary>Runs the lint. Throws <see cref="LintException"/> (or <see cref="ConfigException"/>) when it cannot start.</summary>
    public static LintResult Run(LintOptions options)
    {
        var cwd = Path.GetFullPath(options.WorkingDirectory);
        var analyzers = options.Analyzers ?? RuleSet.All;
        var config = options.Config ?? ConfigFile.Discover(cwd);
        var (rules, ignoreDirectiveOn) = RuleSelection.Select(analyzers, config, options.Enable, options.Disable);
        var patterns = options.Patterns.Count > 0 ? options.Patterns : ["./..."];
        var loader = CreateLoader(options.Loader);

        // One load: the matched packages with everything they (and their tests) import; the matched ones are the targets.
        var loadOptions = new LoadOptions { WorkingDirectory = cwd, BuildTags = options.BuildTags, IncludeDependencies = true, IncludeTests = options.Tests };
        var all = loader.Load(patterns, loadOptions);
        List<string> loadErrors = [.. all.Errors.Select(e => WithHint(e, all, options.Loader))];
        var matched = all.Packages.Where(p => !p.DepOnly).Select(p => options.Tests ? p : TestPackages.WithoutTests(p)).ToList();
        var (universe, targetPackages) = options.Tests
            ? TestPackages.With(all.Packages, matched)
            : (all.Packages, matched.Where(p => p.GoFiles.Count > 0).OrderBy(p => p.ImportPath, StringComparer.Ordinal).ToList());
        // The loader may already have said why (e.g. "pattern ./x/...: lstat ./x/: no such file or directory").
        // A failed go command has said why already.
        foreach (var p in PatternCoverage.Unmatched(patterns, targetPackages, cwd).Where(p => all.ToolFailure is null && !all.Errors.Any(e => e.Contains(p, StringComparison.Ordinal))))
            loadErrors.Add($"pattern {p} matched no packages");
        // Each problem once, however many packages (or test variants) it was copied into. A package the go command
        // cannot build fails the run; an import that resolves nowhere only leaves some types unknown.
        List<string> warnings = [];
        foreach (var e in matched.SelectMany(p => p.Errors.Select(e => $"{p.ImportPath}: {e}")).Distinct(StringComparer.Ordinal))
            (PackageErrors.IsUnresolvedImport(e) ? warnings : loadErrors).Add(e);
        var directories = matched.Select(p => p.Dir).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        List<string> notes = [.. all.Notes];
        if (UnresolvedImports.Summarize(matched) is { } unresolved) notes.Add(unresolved);
        if (targetPackages.Count == 0)
            return new LintResult([], rules, loadErrors.Count > 0 ? loadErrors : [$"no packages matched {string.Join(' ', patterns)}"], warnings, [], 0) { Notes = notes, PackageDirectories = directories };

        var program = new ProgramChecker(universe) { MaxFileBytes = options.MaxFileBytes };
        program.ParseAll();
        int done = 0;
        PackageOutcome Analyze(GoPackage p, Checker? checker)
        {
            var outcome = checker is null ? new PackageOutcome([], [], []) : RunRules(p, checker, rules, config);
            options.Progress?.Invoke(new LintProgress(Interlocked.Increment(ref done), targetPackages.Count, p.ImportPath));
            return outcome;
        }

        IReadOnlyList<PackageOutcome> outcomes;
        try
        {
            // Packages are checked and analyzed on all cores, each worker with its own importer.
            outcomes = program.CheckAll(targetPackages, Analyze);
        }
        catch (Exception)
        {
            // The type checker crashed on some package: start over one package at a time so that only that
            // package is lost (as an internal error) and the others are still linted.
            done = 0;
            outcomes = OneByOne(universe, targetPackages, Analyze, options.MaxFileBytes);
        }

        var known = analyzers.Select(a => a.Id).Concat(RuleSelection.BuiltinIds).ToHashSet(StringComparer.Ordinal);
        var suppressions = new SuppressionIndex();
        Dictionary<string, ParsedFile> files = new(StringComparer.Ordinal);
        List<Diagnostic> found = [];
        List<InternalError> internalErrors = [];
        foreach (var o in outcomes)
        {
            foreach (var f in o.Files)
            {
                if (!files.TryAdd(f.Path, f)) continue;
                suppressions.Add(f, known.Contains);
                // A file that does not parse is linted as far as it goes, but the package is not what go builds: the run failed.
                loadErrors.AddRange(f.Errors.Take(10).Select(e => SyntaxError(f, e, cwd)));
                if (f.Errors.Count > 10) loadErrors.Add($"{RelativePaths.For(f.Path, cwd)}: ... and {f.Errors.Count - 10} more syntax errors");
            }
            found.AddRange(o.Diagnostics);
            internalErrors.AddRange(o.InternalErrors);
        }

        if (ignoreDirectiveOn) found.AddRange(suppressions.Problems);
        var diagnostics = found
            .Where(d => d.Severity >= options.MinimumSeverity && !config.IsExcluded(d.File) && !suppressions.IsSuppressed(d))
            .Select(d => Relative(WithEnd(d, files), cwd))
            .Distinct(DiagnosticKey.Comparer)
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.RuleId, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new LintResult(diagnostics, rules, loadErrors.Distinct(StringComparer.Ordinal).ToList(), warnings, internalErrors, targetPackages.Count)
        {
            Notes = notes,
            PackageDirectories = directories,
        };
    }

    /// <summary>With --loader go, a failing go command says how to do without it.</summary>
    private static string WithHint(string error, LoadResult result, LoaderKind kind) =>
        kind == LoaderKind.Go && result.ToolFailure != null && error.StartsWith("go list failed", StringComparison.Ordinal)
            ? error + " (use --loader dir to load packages from the directory tree without the go command)"
            : error;

    private static IPackageLoader CreateLoader(LoaderKind kind) => kind switch
    {
        LoaderKind.Directory => new DirectoryLoader(),
        LoaderKind.Go when GoCommand.Path == null => throw new LintException("--loader go: no go command found (PATH, /usr/lib/go-*/bin, /usr/local/go/bin)"),
        LoaderKind.Go => new GoListLoader(),
        _ => new AutoLoader(),
    };

    /// <summary>What linting one package produced.</summary>
    private sealed record PackageOutcome(IReadOnlyList<ParsedFile> Files, List<Diagnostic> Diagnostics, List<InternalError> InternalErrors);

    /// <summary>Runs every selected rule on a checked package; a rule that throws becomes an internal error.</summary>
    private static PackageOutcome RunRules(GoPackage p, Checker checker, IReadOnlyList<ActiveRule> rules, LintConfig config)
    {
        List<Diagnostic> found = [];
        List<InternalError> errors = [];
        var facts = new FactStore();
        foreach (var rule in rules)
        {
            List<Diagnostic> reported = [];
            try
            {
                rule.Analyzer.Run(new Pass(rule.Analyzer, checker, rule.Severity, reported.Add, facts) { Config = config });
                found.AddRange(reported);
            }
            catch (Exception e)
            {
                errors.Add(new InternalError(rule.Analyzer.Id, p.ImportPath, Describe(e)));
            }
        }
        return new PackageOutcome(checker.Files, found, errors);
    }

    /// <summary>
    /// The slow, robust path: a fresh program (the crashed one may hold half-resolved declarations), each
    /// package checked alone on one deep-stack thread, a type-check failure costing only its package.
    /// </summary>
    private static IReadOnlyList<PackageOutcome> OneByOne(IReadOnlyList<GoPackage> universe, IReadOnlyList<GoPackage> packages, Func<GoPackage, Checker?, PackageOutcome> analyze, long maxFileBytes)
    {
        List<PackageOutcome> outcomes = [];
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                var program = new ProgramChecker(universe) { MaxFileBytes = maxFileBytes };
                program.ParseAll();
                foreach (var p in packages)
                {
                    Checker? checker;
                    try
                    {
                        checker = program.Check(p);
                    }
                    catch (Exception e)
                    {
                        outcomes.Add(new PackageOutcome([], [], [new InternalError("type-check", p.ImportPath, Describe(e))]));
                        continue;
                    }
                    outcomes.Add(analyze(p, checker));
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 256 << 20);
        worker.Start();
        worker.Join();
        if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return outcomes;
    }

    private static string Describe(Exception e) =>
        string.Join(' ', $"{e.GetType().Name}: {e.Message}".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string SyntaxError(ParsedFile f, Syntax.SyntaxError e, string cwd)
    {
        var (line, col) = f.Lines.Position(e.Offset);
        return $"{RelativePaths.For(f.Path, cwd)}:{line}:{col}: {e.Message}";
    }

    /// <summary>Fills in EndLine/EndColumn for diagnostics built without them.</summary>
    private static Diagnostic WithEnd(Diagnostic d, Dictionary<string, ParsedFile> files)
    {
        if (d.EndLine > 0 || d.EndOffset < d.Offset || d.Offset < 0 || !files.TryGetValue(d.File, out var f) || d.EndOffset > f.Source.Length) return d;
        var (line, col) = f.Lines.Position(d.EndOffset);
        return d with { EndLine = line, EndColumn = col };
    }

    private static Diagnostic Relative(Diagnostic d, string cwd) => d with
    {
        File = RelativePaths.For(d.File, cwd),
        Fixes = [.. d.Fixes.Select(f => f with { Edits = [.. f.Edits.Select(e => e with { File = RelativePaths.For(e.File, cwd) })] })],
        Related = [.. d.Related.Select(r => (RelativePaths.For(r.File, cwd), r.Line, r.Column, r.Message))],
    };
}
