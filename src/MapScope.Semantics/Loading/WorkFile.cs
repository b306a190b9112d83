namespace MapScope.Semantics.Loading;

/// <summary>A go.work file: the workspace's module directories (use), go/toolchain/godebug lines and replacements.</summary>
public sealed record WorkFile
{
    public string? GoVersion { get; init; }
    public string? Toolchain { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> GoDebug { get; init; } = [];
    /// <summary>The use lines: directories relative to the go.work file (as written).</summary>
    public IReadOnlyList<string> Use { get; init; } = [];
    public IReadOnlyList<ModReplace> Replaces { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];

    public static WorkFile ParseFile(string path) => Parse(File.ReadAllText(path));

    public static WorkFile Parse(string text)
    {
        string? go = null, toolchain = null;
        var use = new List<string>();
        var replaces = new List<ModReplace>();
        var godebug = new List<KeyValuePair<string, string>>();
        var errors = new List<string>();
        foreach (var d in ModFileParser.Directives(text, errors))
        {
            string? error = d.Verb switch
            {
                "go" => ModFileParser.ParseGo(d.Args, ref go),
                "toolchain" => ModFileParser.ParseToolchain(d.Args, ref toolchain),
                "godebug" => ModFileParser.ParseGoDebug(d.Args, godebug),
                "replace" => ModFileParser.ParseReplace(d.Args, replaces),
                "use" => d.Args.Count == 1 ? Add(use, d.Args[0]) : "usage: use local/dir",
                _ => null,
            };
            if (error != null) errors.Add($"{d.Line}: {error}");
        }
        return new WorkFile { GoVersion = go, Toolchain = toolchain, GoDebug = godebug, Use = use, Replaces = replaces, Errors = errors };
    }

    private static string? Add(List<string> list, string item)
    {
        list.Add(item);
        return null;
    }

    /// <summary>
    /// The go.work that applies to <paramref name="dir"/>: $GOWORK (a path, or "off"), else the nearest go.work
    /// in it or above, as the go command looks for it. Null when there is none or workspaces are off.
    /// </summary>
    public static string? Find(string dir, Func<string, string?> getenv)
    {
        var gowork = getenv("GOWORK");
        if (gowork == "off") return null;
        if (!string.IsNullOrEmpty(gowork)) return File.Exists(gowork) ? Path.GetFullPath(gowork) : null;
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "go.work");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
