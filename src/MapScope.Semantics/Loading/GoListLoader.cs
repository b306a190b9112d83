using System.Text.Json;

namespace MapScope.Semantics.Loading;

/// <summary>
/// Asks the go command: <c>go list -e -json</c> (with <c>-deps</c> when dependencies are wanted) in the working
/// directory. The go command is the source of truth for file selection and import resolution. It runs offline
/// (<see cref="GoCommand.OfflineEnvironment"/>): it never downloads a toolchain or a module. A failing or
/// missing go command becomes a one-line error in the result (<see cref="LoadResult.ToolFailure"/>), never an
/// exception. Imports of packages that are not downloaded become the importer's UnresolvedImports.
/// </summary>
public sealed class GoListLoader(string? goBinary = null) : IPackageLoader
{
    private readonly string? _go = goBinary ?? GoCommand.Path;

    public static bool IsAvailable => GoCommand.Path != null;

    public LoadResult Load(IReadOnlyList<string> patterns, LoadOptions options)
    {
        if (_go is null) return LoadResult.Failed("go list: the go command was not found (PATH, /usr/lib/go-*/bin, /usr/local/go/bin)");
        var first = List(patterns, options, _go);
        if (first.ToolFailure != null || !(options.IncludeDependencies && options.IncludeTests)) return Finish(first, options);

        // go list -deps follows only the packages' own imports; the tests' imports are a second list.
        var known = first.Packages.Select(p => p.ImportPath).ToHashSet(StringComparer.Ordinal);
        var testImports = first.Packages.Where(p => !p.DepOnly)
            .SelectMany(p => p.TestImports.Concat(p.XTestImports))
            .Where(i => i != "C" && !known.Contains(i))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (testImports.Count == 0) return Finish(first, options);
        var second = List(testImports, options, _go);
        var merged = first.Packages.Concat(second.Packages.Where(p => !known.Contains(p.ImportPath)).Select(p => p with { DepOnly = true })).ToList();
        return Finish(first with { Packages = merged }, options);
    }

    private static LoadResult List(IReadOnlyList<string> patterns, LoadOptions options, string go)
    {
        var args = new List<string> { "list", "-e", "-json", options.IncludeDependencies ? "-deps" : "-deps=false" };
        if (options.BuildTags.Count > 0) args.Add("-tags=" + string.Join(',', options.BuildTags));
        args.Add("--");
        args.AddRange(patterns);
        var env = GoCommand.OfflineEnvironment(Environment.GetEnvironmentVariable);
        if (options.GoOS != null) env["GOOS"] = options.GoOS;
        if (options.GoArch != null) env["GOARCH"] = options.GoArch;
        if (options.CgoEnabled is { } cgo) env["CGO_ENABLED"] = cgo ? "1" : "0";

        var result = GoCommand.Run(go, args, options.WorkingDirectory, env);
        var errors = new List<string>();
        List<GoPackage> packages;
        try
        {
            packages = Parse(result.Stdout, options.IncludeDependencies);
        }
        catch (JsonException e)
        {
            packages = [];
            errors.Add("go list: unreadable output: " + e.Message);
        }
        // A wildcard that matches nothing comes back as a pseudo-package named after the pattern: that is a load error.
        foreach (var p in packages.Where(p => p.Dir.Length == 0 && PatternMatch.HasWildcard(p.ImportPath) && patterns.Contains(p.ImportPath)).ToList())
        {
            packages.Remove(p);
            errors.AddRange(p.Errors);
        }
        string? failure = null;
        if (result.ExitCode != 0)
        {
            failure = GoCommand.Message(result.Stderr, options.WorkingDirectory);
            if (failure.Length == 0) failure = $"exit status {result.ExitCode}";
            errors.Insert(0, $"go list failed (exit {result.ExitCode}): {failure}");
        }
        return new LoadResult(packages, errors) { ToolFailure = failure };
    }

    /// <summary>Sorts, and records imports of packages that go list could not find (no files, an error) on their importers.</summary>
    private static LoadResult Finish(LoadResult r, LoadOptions options)
    {
        var missing = r.Packages.Where(p => p.DepOnly && p.GoFiles.Count == 0 && p.Errors.Count > 0)
            .Select(p => p.ImportPath).ToHashSet(StringComparer.Ordinal);
        var packages = r.Packages
            .Where(p => !missing.Contains(p.ImportPath))
            .Select(p =>
            {
                var unresolved = p.Imports.Concat(p.TestImports).Concat(p.XTestImports).Where(missing.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                return unresolved.Length == 0 ? p : p with { UnresolvedImports = unresolved };
            })
            .OrderBy(p => p.ImportPath, StringComparer.Ordinal)
            .ToArray();
        return r with { Packages = packages };
    }

    /// <summary>Parses go list's stream of concatenated JSON objects.</summary>
    internal static List<GoPackage> Parse(byte[] json, bool withDependencies = false)
    {
        var list = new List<GoPackage>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
        var toolchainVersions = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var p = JsonSerializer.Deserialize(ref reader, GoListJsonContext.Default.GoListPackage);
            if (p != null) list.Add(Convert(p, withDependencies, toolchainVersions));
        }
        return list;
    }

    private static GoPackage Convert(GoListPackage p, bool withDependencies, Dictionary<string, string?> toolchainVersions)
    {
        var errors = new List<string>();
        if (p.Error?.Err is { } err) errors.Add(string.IsNullOrEmpty(p.Error.Pos) ? err : $"{p.Error.Pos}: {err}");
        // A dependency's error is also copied into every package above it. With -deps the dependency is listed
        // and carries it; without, keep only the errors of this package's own imports (the end of the stack).
        if (!withDependencies)
            foreach (var d in p.DepsErrors ?? [])
                if (d.Err != null && d.ImportStack is { Count: > 0 } stack && stack[^1] == p.ImportPath)
                    errors.Add(string.IsNullOrEmpty(d.Pos) ? d.Err : $"{d.Pos}: {d.Err}");
        var cgo = p.CgoFiles ?? [];
        var module = Convert(p.Module);
        string? goVersion = module?.GoVersion;
        if (goVersion is null && p.Standard && p.Root is { Length: > 0 } root)
        {
            if (!toolchainVersions.TryGetValue(root, out goVersion))
                toolchainVersions[root] = goVersion = GoEnvironment.ToolchainMinor(root) is { } minor ? "1." + minor : null;
        }
        // Files named on the command line form a package without a module; they compile at the module's go line.
        if (goVersion is null && p.ImportPath == GoFilesPackage.ImportPath && p.Dir is { Length: > 0 } dir)
            goVersion = GoFilesPackage.ModuleGoVersion(dir);
        return new GoPackage
        {
            ImportPath = p.ImportPath ?? "",
            Name = p.Name ?? "",
            Dir = p.Dir ?? "",
            GoFiles = (p.GoFiles ?? []).Concat(cgo).Order(StringComparer.Ordinal).ToArray(),
            CgoFiles = cgo,
            TestGoFiles = (p.TestGoFiles ?? []).Order(StringComparer.Ordinal).ToArray(),
            XTestGoFiles = (p.XTestGoFiles ?? []).Order(StringComparer.Ordinal).ToArray(),
            Imports = (p.Imports ?? []).Order(StringComparer.Ordinal).ToArray(),
            TestImports = (p.TestImports ?? []).Order(StringComparer.Ordinal).ToArray(),
            XTestImports = (p.XTestImports ?? []).Order(StringComparer.Ordinal).ToArray(),
            ImportMap = p.ImportMap ?? new Dictionary<string, string>(),
            Module = module,
            Standard = p.Standard,
            DepOnly = p.DepOnly,
            GoVersion = goVersion,
            Errors = errors.Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    private static ModuleInfo? Convert(GoListModule? m) => m?.Path is null ? null : new ModuleInfo
    {
        Path = m.Path,
        Version = m.Version,
        Dir = m.Dir,
        GoVersion = m.GoVersion,
        Main = m.Main,
        Replace = Convert(m.Replace),
    };
}
