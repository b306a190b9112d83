using System.Collections.Concurrent;
using MapScope.Semantics.Loading;
using MapScope.Syntax;

namespace MapScope.Semantics.Checking;

/// <summary>
/// Type-checks packages of a loaded program: the loader's packages (with their dependencies) are the
/// universe of imports; files are parsed in parallel up front, then packages are checked on demand.
/// </summary>
public sealed class ProgramChecker
{
    private readonly Dictionary<string, GoPackage> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoPackage> _byDir = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ParsedFile> _parsed = new(StringComparer.Ordinal);
    private readonly SourceImporter _importer;
    private readonly CheckerOptions _options;

    public ProgramChecker(IReadOnlyList<GoPackage> packages, CheckerOptions? options = null)
    {
        _options = options ?? CheckerOptions.Default;
        foreach (var p in packages)
        {
            _byPath[p.ImportPath] = p;
            _byDir.TryAdd(p.Dir, p);
        }
        _importer = new SourceImporter(Resolve, ParseCached) { Options = _options };
    }

    /// <summary>Parses every file of the program on all cores.</summary>
    public void ParseAll()
    {
        var files = _byPath.Values.SelectMany(p => p.GoFilePaths).Distinct().ToArray();
        Parallel.ForEach(files, f => ParseCached(f));
    }

    /// <summary>The largest source file read; a larger one becomes a file with one error saying so.</summary>
    public long MaxFileBytes { get; init; } = MapScope.Syntax.Input.BoundedRead.DefaultMaxSourceBytes;

    private ParsedFile ParseCached(string path) => _parsed.GetOrAdd(path, p => SourceFile.Parse(p, MaxFileBytes));

    private PackageSource? Resolve(string written, string fromDir)
    {
        var resolved = _byDir.TryGetValue(fromDir, out var from) ? from.ResolveImport(written) : written;
        if (!_byPath.TryGetValue(resolved, out var p) && !_byPath.TryGetValue("vendor/" + written, out p)) return null;
        return new PackageSource(p.ImportPath, p.Dir, p.GoFilePaths.ToList());
    }

    /// <summary>Checks a package's bodies and returns its checker (null when it has no files).</summary>
    public Checker? Check(GoPackage package) => Check(_importer, package);

    private static Checker? Check(SourceImporter importer, GoPackage package)
    {
        var checker = importer.CheckerFor(package.ImportPath, package.Dir);
        checker?.CheckBodies();
        return checker;
    }

    /// <summary>
    /// Checks many packages on <paramref name="workers"/> threads (deep stacks). Declarations are resolved
    /// lazily and are not thread-safe, so each worker has its own importer; the parsed files are shared.
    /// Returns the results in the order of <paramref name="packages"/>.
    /// </summary>
    public IReadOnlyList<TResult> CheckAll<TResult>(IReadOnlyList<GoPackage> packages, Func<GoPackage, Checker?, TResult> result, int workers = 0)
    {
        if (workers <= 0) workers = Environment.ProcessorCount;
        var results = new TResult[packages.Count];
        int next = -1;
        Exception? failure = null;
        var threads = new Thread[Math.Max(1, Math.Min(workers, packages.Count))];
        for (int w = 0; w < threads.Length; w++)
        {
            var importer = w == 0 ? _importer : new SourceImporter(Resolve, ParseCached) { Options = _options };
            threads[w] = new Thread(() =>
            {
                try
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < packages.Count)
                        results[i] = result(packages[i], Check(importer, packages[i]));
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            }, 256 << 20);
            threads[w].Start();
        }
        foreach (var t in threads) t.Join();
        if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return results;
    }
}
