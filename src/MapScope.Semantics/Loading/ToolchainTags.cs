namespace MapScope.Semantics.Loading;

/// <summary>
/// The build tags a toolchain adds itself (go/build's ToolTags): <c>goexperiment.*</c> for the experiments
/// that release turns on by default (internal/buildcfg/exp.go's baseline, as of Go 1.19 and Go 1.24), changed
/// by GOEXPERIMENT, and since Go 1.21 the architecture feature levels (<c>amd64.v1</c>, <c>arm64.v8.0</c>, ...),
/// whose defaults are read from the toolchain's internal/buildcfg/zbootstrap.go.
/// </summary>
public static class ToolchainTags
{
    public static IReadOnlyList<string> For(string? goroot, int minor, string goarch, Func<string, string?> getenv)
    {
        var experiments = Baseline(minor, goarch);
        var bootstrap = Bootstrap(goroot);
        var goexperiment = getenv("GOEXPERIMENT") ?? bootstrap.GetValueOrDefault("defaultGOEXPERIMENT");
        foreach (var e in (goexperiment ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = e.ToLowerInvariant();
            if (name == "none") experiments.Clear();
            else if (name.StartsWith("no", StringComparison.Ordinal)) experiments.Remove(name[2..]);
            else if (!experiments.Contains(name)) experiments.Add(name);
        }
        var tags = experiments.Select(e => "goexperiment." + e).ToList();
        if (minor >= 21) tags.AddRange(ArchitectureTags(goarch, name => getenv(name) ?? Default(bootstrap, name)));
        return tags;
    }

    /// <summary>Experiments on by default, in buildcfg's order.</summary>
    private static List<string> Baseline(int minor, string goarch)
    {
        bool regabi = goarch is "amd64" or "arm64" or "ppc64" or "ppc64le" or "riscv64" || (minor >= 20 && goarch == "loong64");
        var list = new List<string>();
        if (regabi) list.AddRange(["regabiwrappers", "regabiargs"]);
        if (minor >= 20) list.Add("coverageredesign");
        if (minor >= 24)
        {
            list.AddRange(["aliastypeparams", "swissmap"]);
            if (goarch is "386" or "amd64" or "arm" or "arm64" or "ppc64le" or "ppc64") list.Add("spinbitmutex");
            list.Add("synchashtriemap");
        }
        return list;
    }

    /// <summary>buildcfg's gogoarchTags: one tag per feature level up to the configured one.</summary>
    private static IEnumerable<string> ArchitectureTags(string goarch, Func<string, string?> setting)
    {
        switch (goarch)
        {
            case "386":
                return [$"386.{setting("GO386") ?? "sse2"}"];
            case "amd64":
                int amd64 = Level(setting("GOAMD64")?.TrimStart('v'), 1);
                return Enumerable.Range(1, amd64).Select(i => $"amd64.v{i}");
            case "arm":
                int arm = Level(setting("GOARM")?.Split(',')[0], 7);
                return Enumerable.Range(5, Math.Max(0, arm - 4)).Select(i => $"arm.{i}");
            case "arm64":
                var v = setting("GOARM64")?.Split(',')[0] ?? "v8.0";
                if (v.Length < 4 || v[0] != 'v') v = "v8.0";
                int major = v[1] - '0', minorLevel = v[3] - '0';
                var list = Enumerable.Range(0, minorLevel + 1).Select(i => $"arm64.v{major}.{i}").ToList();
                if (major == 9) list.AddRange(Enumerable.Range(0, Math.Min(minorLevel + 5, 9) + 1).Select(i => $"arm64.v8.{i}"));
                return list;
            case "mips" or "mipsle":
                return [$"{goarch}.{setting("GOMIPS") ?? "hardfloat"}"];
            case "mips64" or "mips64le":
                return [$"{goarch}.{setting("GOMIPS64") ?? "hardfloat"}"];
            case "ppc64" or "ppc64le":
                int power = Level(setting("GOPPC64")?.Replace("power", ""), 8);
                return Enumerable.Range(8, Math.Max(0, power - 7)).Select(i => $"{goarch}.power{i}");
            case "riscv64":
                int rva = setting("GORISCV64") == "rva22u64" ? 22 : 20;
                return new[] { 20, 22 }.Where(l => l <= rva).Select(l => $"riscv64.rva{l}u64");
            default:
                return [];
        }
    }

    private static int Level(string? s, int fallback) => int.TryParse(s, out var n) && n > 0 ? n : fallback;

    /// <summary>zbootstrap.go spells the defaults DefaultGOAMD64 (Go 1.21+) or defaultGOAMD64.</summary>
    private static string? Default(Dictionary<string, string> bootstrap, string name) =>
        bootstrap.GetValueOrDefault("Default" + name) ?? bootstrap.GetValueOrDefault("default" + name);

    /// <summary>The string constants of GOROOT/src/internal/buildcfg/zbootstrap.go, written by go tool dist.</summary>
    private static Dictionary<string, string> Bootstrap(string? goroot)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (goroot is null) return result;
        var path = Path.Combine(goroot, "src", "internal", "buildcfg", "zbootstrap.go");
        try
        {
            if (!File.Exists(path)) return result;
            foreach (var line in File.ReadLines(path))
            {
                // const DefaultGOAMD64 = `v1`
                var t = line.Trim();
                if (!t.StartsWith("const ", StringComparison.Ordinal)) continue;
                int eq = t.IndexOf('=');
                int open = t.IndexOf('`'), close = t.LastIndexOf('`');
                if (eq < 0 || open < eq || close <= open) continue;
                result[t[6..eq].Trim()] = t[(open + 1)..close];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return result;
    }
}
