using System.Collections.Concurrent;

namespace MapScope.Semantics.Loading;

/// <summary>
/// Loads packages without the go command: matches patterns against GOROOT/src, the main module or a GOPATH-style
/// repository, sorts files by the build constraints itself, and resolves imports to directories.
/// Unresolvable imports are recorded on the package, never fatal.
/// </summary>
public sealed class DirectoryLoader(Func<LoadOptions, GoEnvironment>? environment = null) : IPackageLoader
{
    private readonly Func<LoadOptions, GoEnvironment> _environment = environment ?? GoEnvironment.FromProcess;

    public LoadResult Load(IReadOnlyList<string> patterns, LoadOptions options)
    {
        try
        {
            return new Session(_environment(options), Path.GetFullPath(options.WorkingDirectory), options).Run(patterns);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return LoadResult.Failed($"{options.WorkingDirectory}: {e.Message}");
        }
    }

    /// <summary>One load: the environment, the resolver and the per-directory scan cache.</summary>
    private sealed class Session
    {
        private readonly GoEnvironment _env;
        private readonly string _cwd;
        private readonly LoadOptions _options;
        private readonly MainModule? _main;
        private readonly ImportResolver _resolver;
        private readonly ConcurrentDictionary<string, DirectoryScan> _scans = new(StringComparer.Ordinal);
        private readonly List<string> _errors = [];
        private string? _filesGoVersion;

        public Session(GoEnvironment env, string cwd, LoadOptions options)
        {
            (_env, _cwd, _options) = (env, cwd, options);
            if (env.GoRoot is null) _errors.Add("cannot find GOROOT (set GOROOT, or install Go in " + string.Join(", ", GoEnvironment.GoRootCandidates) + ")");
            _main = MainModule.Find(cwd, env);
            GopathRepo? repo = null;
            if (_main != null) _errors.AddRange(_main.Mod.Errors.Select(e => Path.Combine(_main.Root, "go.mod") + ":" + e));
            else
            {
                var root = RepositoryRoot(cwd);
                var dirs = PackageWalker.Walk(root, includeVendor: false);
                repo = GopathRepo.Create(root, env, ScanAll(dirs));
            }
            _resolver = new ImportResolver(env, _main, repo);
        }

        public LoadResult Run(IReadOnlyList<string> patterns)
        {
            var matched = new Dictionary<string, ResolvedPackage>(StringComparer.Ordinal);
            IReadOnlyCollection<string>? onlyFiles = null;
            if (patterns.Count > 0 && patterns.All(GoFilesPackage.IsFileArgument))
            {
                if (GoFilesPackage.Resolve(patterns, _cwd, out var error) is not var (dir, files)) return LoadResult.Failed(error!);
                var id = Identify(dir);
                // go list gives the package no module; its language version is still the module's (see GoPackage.GoVersion).
                matched[GoFilesPackage.ImportPath] = id with { ImportPath = GoFilesPackage.ImportPath, Module = null };
                _filesGoVersion = id.Module?.GoVersion;
                onlyFiles = files;
            }
            else
                foreach (var pattern in patterns)
                    foreach (var p in Match(pattern)) matched.TryAdd(p.ImportPath, p);

            var packages = new ConcurrentDictionary<string, GoPackage>(StringComparer.Ordinal);
            var wave = matched.Values.ToList();
            bool first = true;
            while (wave.Count > 0)
            {
                var built = new ConcurrentBag<GoPackage>();
                bool depOnly = !first;
                Parallel.ForEach(wave, r =>
                {
                    var p = Build(r, depOnly || onlyFiles is null ? Scan(r.Dir) : DirectoryScan.Read(r.Dir, _env.Context, onlyFiles)) with { DepOnly = depOnly };
                    if (packages.TryAdd(p.ImportPath, p)) built.Add(p);
                });
                first = false;
                if (!_options.IncludeDependencies) break;
                // Next wave: imports not loaded yet (of the tests too, for the matched packages, when asked).
                var explicitImports = built.SelectMany(p => p.Imports.Concat(_options.IncludeTests && !p.DepOnly ? p.TestImports.Concat(p.XTestImports) : [])
                        .Where(i => i != "C" && !packages.ContainsKey(i))
                    .Select(i => _resolver.Resolve(WrittenImport(p, i), p.Dir, p.Standard)));
                var implicitImports = built.SelectMany(p => ImplicitDependencies.Of(p, _env.Context))
                    .Where(i => !packages.ContainsKey(i))
                    .Select(i => _resolver.Resolve(i, _cwd, importerIsStandard: true));
                wave = explicitImports.Concat(implicitImports)
                    .OfType<ResolvedPackage>()
                    .DistinctBy(r => r.ImportPath)
                    .Where(r => !packages.ContainsKey(r.ImportPath))
                    .ToList();
            }
            return new LoadResult(packages.Values.OrderBy(p => p.ImportPath, StringComparer.Ordinal).ToArray(), _errors);
        }

        private static string WrittenImport(GoPackage p, string resolved) =>
            p.ImportMap.FirstOrDefault(kv => kv.Value == resolved).Key ?? resolved;

        private IEnumerable<ResolvedPackage> Match(string pattern)
        {
            if (pattern == "std") return MatchStd(_ => true);
            if (pattern is "cmd" or "all" || pattern.StartsWith("cmd/", StringComparison.Ordinal))
            {
                _errors.Add($"pattern {pattern}: not supported without the go command");
                return [];
            }
            if (PatternMatch.IsLocal(pattern)) return MatchLocal(pattern);
            if (!PatternMatch.HasWildcard(pattern))
            {
                if (_resolver.Resolve(pattern, _cwd, importerIsStandard: false) is { } r) return [r];
                _errors.Add($"cannot find package \"{pattern}\"");
                return [];
            }
            var match = PatternMatch.Matcher(pattern);
            var prefix = PatternMatch.LiteralPrefix(pattern);
            if (!prefix.Split('/')[0].Contains('.') && _env.GoRoot != null) return MatchStd(match);
            if (_main != null && (MainModule.PathUnder(prefix, _main.Path) || MainModule.PathUnder(_main.Path, prefix) || prefix.Length == 0))
                return WalkMatches(_main.Root, pattern.Contains("vendor"), d => match(d.ImportPath));
            if (_resolver.Repo is { ImportPath: not null } repo)
                return WalkMatches(repo.Root, pattern.Contains("vendor"), d => match(d.ImportPath));
            _errors.Add($"pattern {pattern}: cannot match packages outside the main module without the go command");
            return [];
        }

        private IEnumerable<ResolvedPackage> MatchStd(Func<string, bool> match)
        {
            if (_env.GoRoot is null) return [];
            return WalkMatches(Path.Combine(_env.GoRoot, "src"), includeVendor: true, d => match(d.ImportPath));
        }

        private IEnumerable<ResolvedPackage> MatchLocal(string pattern)
        {
            var full = Path.GetFullPath(Path.Combine(_cwd, pattern));
            if (!PatternMatch.HasWildcard(pattern))
            {
                if (!Directory.Exists(full)) { _errors.Add($"directory {pattern} does not exist"); return []; }
                return [Identify(full)];
            }
            var match = PatternMatch.Matcher(Path.IsPathRooted(pattern) ? PathUtil.Slash(pattern) : pattern.TrimEnd('/'));
            var baseDir = Path.GetFullPath(Path.Combine(_cwd, PatternMatch.LiteralPrefix(pattern) is { Length: > 0 } p ? p : "."));
            return WalkMatches(baseDir, pattern.Contains("vendor"), d => match(LocalName(d.Dir, Path.IsPathRooted(pattern))));
        }

        /// <summary>How a directory is spelled for matching against a local pattern: "./a/b", "../x", "." or absolute.</summary>
        private string LocalName(string dir, bool rooted)
        {
            if (rooted) return PathUtil.Slash(dir);
            var rel = PathUtil.Relative(_cwd, dir);
            return rel.Length == 0 ? "." : rel.StartsWith("..", StringComparison.Ordinal) ? rel : "./" + rel;
        }

        private IEnumerable<ResolvedPackage> WalkMatches(string root, bool includeVendor, Func<ResolvedPackage, bool> match)
        {
            var dirs = PackageWalker.Walk(root, includeVendor).Select(Identify).Where(d => !IsHiddenFromWildcards(d) && match(d)).ToList();
            var scans = ScanAll(dirs.Select(d => d.Dir));
            var withPackage = scans.Where(s => s.HasPackage).Select(s => s.Dir).ToHashSet(StringComparer.Ordinal);
            return dirs.Where(d => withPackage.Contains(d.Dir));
        }

        /// <summary>"builtin" exists only for documentation; runtime/cgo is left out when cgo is off (as cmd/go's walk does).</summary>
        private bool IsHiddenFromWildcards(ResolvedPackage d) =>
            d.Standard && (d.ImportPath == "builtin" || (d.ImportPath == "runtime/cgo" && !_env.Context.CgoEnabled));

        private ResolvedPackage Identify(string dir) => PackageIdentity.Of(dir, _env, _main, _resolver.Repo);

        private List<DirectoryScan> ScanAll(IEnumerable<string> dirs)
        {
            var list = dirs.ToList();
            var result = new DirectoryScan[list.Count];
            Parallel.For(0, list.Count, i => result[i] = Scan(list[i]));
            return [.. result];
        }

        private DirectoryScan Scan(string dir) => _scans.GetOrAdd(dir, d => DirectoryScan.Read(d, _env.Context));

        private GoPackage Build(ResolvedPackage r, DirectoryScan scan)
        {
            var importMap = new Dictionary<string, string>(StringComparer.Ordinal);
            var unresolved = new SortedSet<string>(StringComparer.Ordinal);
            // go list's ImportMap covers the package's own imports; tests' vendored imports resolve by their paths.
            string[] ResolveAll(IReadOnlyList<string> written, bool mapped = true)
            {
                var imports = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var w in written)
                {
                    if (w == "C") { imports.Add("C"); continue; }
                    var target = _resolver.Resolve(w, r.Dir, r.Standard);
                    if (target is null) { unresolved.Add(w); imports.Add(w); continue; }
                    imports.Add(target.ImportPath);
                    if (mapped && target.ImportPath != w) importMap[w] = target.ImportPath;
                }
                return [.. imports];
            }
            var imports = ResolveAll(scan.Imports);
            var testImports = ResolveAll(scan.TestImports, mapped: false);
            var xtestImports = ResolveAll(scan.XTestImports, mapped: false);
            var errors = scan.Errors.ToList();
            if (!scan.HasPackage) errors.Add($"no Go files in {r.Dir}");
            return new GoPackage
            {
                ImportPath = r.ImportPath,
                Name = scan.Name,
                Dir = r.Dir,
                GoFiles = scan.GoFiles,
                CgoFiles = scan.CgoFiles,
                TestGoFiles = scan.TestGoFiles,
                XTestGoFiles = scan.XTestGoFiles,
                Imports = imports,
                TestImports = testImports,
                XTestImports = xtestImports,
                ImportMap = importMap,
                UnresolvedImports = [.. unresolved],
                Module = r.Module,
                Standard = r.Standard,
                GoVersion = r.ImportPath == GoFilesPackage.ImportPath ? _filesGoVersion : r.Module?.GoVersion ?? (r.Standard ? "1." + _env.ToolchainRelease : null),
                Errors = errors,
            };
        }

        /// <summary>Without go.mod the repository root is the nearest folder above with .git or vendor/, else the working directory.</summary>
        private static string RepositoryRoot(string cwd)
        {
            for (var d = new DirectoryInfo(cwd); d != null; d = d.Parent)
                if (Directory.Exists(Path.Combine(d.FullName, ".git")) || Directory.Exists(Path.Combine(d.FullName, "vendor")))
                    return d.FullName;
            return cwd;
        }
    }
}
