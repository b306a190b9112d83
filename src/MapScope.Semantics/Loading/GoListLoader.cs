using System.Text.Json;

namespace MapScope.Semantics.Loading;

/// <summary>
/// Asks the go command: <c>go list -e -json</c> (with <c>-deps</c> when dependencies are wanted) in the working
/// directory. The go command is the source of truth for file selection and import resolution. A failing or
/// missing go command becomes a one-line error in the result, never an exception.
/// </summary>
public sealed class GoListLoader(string? goBinary = null) : IPackageLoader
{
    private readonly string? _go = goBinary ?? GoCommand.Path;

    public static bool IsAvailable => GoCommand.Path != null;

    public LoadResult Load(IReadOnlyList<string> patterns, LoadOptions options)
    {
        if (_go is null) return LoadResult.Failed("go list: the go command was not found (PATH, /usr/lib/go-*/bin, /usr/local/go/bin)");
        var args = new List<string> { "list", "-e", "-json", options.IncludeDependencies ? "-deps" : "-deps=false" };
        if (options.BuildTags.Count > 0) args.Add("-tags=" + string.Join(',', options.BuildTags));
        args.Add("--");
        args.AddRange(patterns);
        var env = new Dictionary<string, string>();
        if (options.GoOS != null) env["GOOS"] = options.GoOS;
        if (options.GoArch != null) env["GOARCH"] = options.GoArch;
        if (options.CgoEnabled is { } cgo) env["CGO_ENABLED"] = cgo ? "1" : "0";

        var result = GoCommand.Run(_go, args, options.WorkingDirectory, env);
        var errors = new List<string>();
        List<GoPackage> packages;
        try
        {
            packages = Parse(result.Stdout);
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
        if (result.ExitCode != 0)
        {
            var firstLine = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            errors.Insert(0, $"go list failed (exit {result.ExitCode}): {firstLine}".TrimEnd());
        }
        return new LoadResult(packages.OrderBy(p => p.ImportPath, StringComparer.Ordinal).ToArray(), errors);
    }

    /// <summary>Parses go list's stream of concatenated JSON objects.</summary>
    internal static List<GoPackage> Parse(byte[] json)
    {
        var list = new List<GoPackage>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            var p = JsonSerializer.Deserialize(ref reader, GoListJsonContext.Default.GoListPackage);
            if (p != null) list.Add(Convert(p));
        }
        return list;
    }

    private static GoPackage Convert(GoListPackage p)
    {
        var errors = new List<string>();
        if (p.Error?.Err is { } err) errors.Add(string.IsNullOrEmpty(p.Error.Pos) ? err : $"{p.Error.Pos}: {err}");
        foreach (var d in p.DepsErrors ?? []) if (d.Err != null) errors.Add(d.Err);
        var cgo = p.CgoFiles ?? [];
        return new GoPackage
        {
            ImportPath = p.ImportPath ?? "",
            Name = p.Name ?? "",
            Dir = p.Dir ?? "",
            GoFiles = (p.GoFiles ?? []).Concat(cgo).Order(StringComparer.Ordinal).ToArray(),
            CgoFiles = cgo,
            Imports = (p.Imports ?? []).Order(StringComparer.Ordinal).ToArray(),
            ImportMap = p.ImportMap ?? new Dictionary<string, string>(),
            Module = Convert(p.Module),
            Standard = p.Standard,
            Errors = errors,
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
