using System.Runtime.InteropServices;

namespace MapScope.Semantics.Loading;

/// <summary>
/// The go command's environment worked out without the go command: GOROOT, GOPATH, GOMODCACHE, target
/// platform, cgo, GOFLAGS tags, module mode and the toolchain's release (for go1.N tags).
/// </summary>
public sealed record GoEnvironment
{
    /// <summary>GOROOT, or null when no Go installation with sources was found.</summary>
    public string? GoRoot { get; init; }
    public IReadOnlyList<string> GoPath { get; init; } = [];
    public string ModCache { get; init; } = "";
    /// <summary>GO111MODULE=off: GOPATH mode even inside a module.</summary>
    public bool ModulesOff { get; init; }
    /// <summary>-mod from GOFLAGS ("vendor", "mod", "readonly"), or null.</summary>
    public string? ModFlag { get; init; }
    public required BuildContext Context { get; init; }

    /// <summary>GOWORK: a go.work path, "off", or null (find go.work above the working directory).</summary>
    public string? GoWork { get; init; }

    /// <summary>The toolchain's release minor (24 for Go 1.24): the language version of std packages.</summary>
    public int ToolchainRelease { get; init; } = 19;

    /// <summary>The usual installation places, tried in order after $GOROOT.</summary>
    public static readonly IReadOnlyList<string> GoRootCandidates = ["/usr/lib/go-1.19", "/usr/lib/go", "/usr/local/go"];

    public static GoEnvironment FromProcess(LoadOptions options) => From(Environment.GetEnvironmentVariable, options);

    /// <summary>Builds the environment from variables given by <paramref name="getenv"/> (tests pass their own).</summary>
    public static GoEnvironment From(Func<string, string?> getenv, LoadOptions options)
    {
        string? Env(string name) => getenv(name) is { Length: > 0 } v ? v : null;

        var goroot = FindGoRoot(Env("GOROOT"));
        var home = Env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var gopath = (Env("GOPATH") ?? Path.Combine(home, "go")).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var modcache = Env("GOMODCACHE") ?? Path.Combine(gopath.FirstOrDefault() ?? Path.Combine(home, "go"), "pkg", "mod");

        var (hostOS, hostArch) = HostPlatform();
        var goos = options.GoOS ?? Env("GOOS") ?? hostOS;
        var goarch = options.GoArch ?? Env("GOARCH") ?? hostArch;
        // Go 1.19 enables cgo by default for native builds; CGO_ENABLED overrides.
        bool cgo = options.CgoEnabled ?? (Env("CGO_ENABLED") is { } c ? c == "1" : goos == hostOS && goarch == hostArch);

        var (flagTags, modFlag) = ParseGoFlags(Env("GOFLAGS"));
        int minor = goroot is null ? 19 : ToolchainMinor(goroot) ?? 19;
        return new GoEnvironment
        {
            GoRoot = goroot,
            GoPath = gopath,
            ModCache = modcache,
            ModulesOff = Env("GO111MODULE") == "off",
            ModFlag = modFlag,
            ToolchainRelease = minor,
            GoWork = Env("GOWORK"),
            Context = new BuildContext
            {
                GoOS = goos,
                GoArch = goarch,
                CgoEnabled = cgo,
                BuildTags = [.. flagTags, .. options.BuildTags],
                ToolTags = ToolchainTags.For(goroot, minor, goarch, Env),
                ReleaseTags = BuildContext.ReleaseTagsUpTo(minor),
                Platforms = KnownPlatforms.For(goroot, minor),
            },
        };
    }

    /// <summary>$GOROOT, else the tree of the go command mapscope would run (PATH first), else the usual places.</summary>
    private static string? FindGoRoot(string? fromEnv)
    {
        var candidates = new List<string>();
        if (fromEnv != null) candidates.Add(fromEnv);
        if (GoCommand.Path is { } go && RootOfBinary(go) is { } root) candidates.Add(root);
        candidates.AddRange(GoRootCandidates);
        return candidates.FirstOrDefault(d => Directory.Exists(Path.Combine(d, "src", "runtime")));
    }

    /// <summary>GOROOT of a go binary: bin/go's grandparent, after following symlinks (/usr/bin/go → /usr/lib/go-1.19/bin/go).</summary>
    private static string? RootOfBinary(string go)
    {
        try
        {
            var target = File.ResolveLinkTarget(go, returnFinalTarget: true)?.FullName ?? go;
            return Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(target)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The release of the Go installation, from src/internal/goversion (authoritative) or the VERSION file.</summary>
    public static int? ToolchainMinor(string goroot)
    {
        var goversion = Path.Combine(goroot, "src", "internal", "goversion", "goversion.go");
        if (File.Exists(goversion))
        {
            foreach (var line in File.ReadLines(goversion))
            {
                var t = line.Trim();
                if (!t.StartsWith("const Version =", StringComparison.Ordinal)) continue;
                if (int.TryParse(t["const Version =".Length..].Trim(), out var v)) return v;
            }
        }
        var version = Path.Combine(goroot, "VERSION");
        return File.Exists(version) ? GoVersions.Minor(File.ReadLines(version).FirstOrDefault()) : null;
    }

    private static (List<string> Tags, string? Mod) ParseGoFlags(string? goflags)
    {
        var tags = new List<string>();
        string? mod = null;
        foreach (var flag in (goflags ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = flag.TrimStart('-');
            if (f.StartsWith("tags=", StringComparison.Ordinal))
                tags.AddRange(f[5..].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
            else if (f.StartsWith("mod=", StringComparison.Ordinal)) mod = f[4..];
        }
        return (tags, mod);
    }

    private static (string OS, string Arch) HostPlatform()
    {
        string os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
        string arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "386",
            Architecture.Arm => "arm",
            Architecture.S390x => "s390x",
            Architecture.Ppc64le => "ppc64le",
            Architecture.RiscV64 => "riscv64",
            Architecture.LoongArch64 => "loong64",
            _ => "amd64",
        };
        return (os, arch);
    }
}
