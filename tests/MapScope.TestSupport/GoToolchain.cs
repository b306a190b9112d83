using System.Diagnostics;
using Xunit;

namespace MapScope.TestSupport;

/// <summary>One installed Go toolchain: its release ("1.24"), full version ("go1.24.4"), binary and GOROOT.</summary>
public sealed record GoInstall(string Release, string Version, string Go, string GoRoot)
{
    /// <summary>GOROOT/src.</summary>
    public string Src => Path.Combine(GoRoot, "src");

    /// <summary>Environment for running this toolchain alone: its bin first on PATH, no toolchain switching.</summary>
    public Dictionary<string, string> Env(IDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(Go)! + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["GOROOT"] = GoRoot,
            ["GOTOOLCHAIN"] = "local",
        };
        if (extra != null) foreach (var (k, v) in extra) env[k] = v;
        return env;
    }

    public override string ToString() => Version;
}

/// <summary>
/// Finds the Go toolchains for tests that need them. mapscope is verified against two: Go 1.19 (classic
/// maps, the last go/parser with the old checks) and Go 1.24 (Swiss-table maps, today's syntax and
/// go/types with aliases). Tests that compare with the toolchain are theories over <see cref="Releases"/>
/// and call <see cref="Require(string)"/>: it skips the test when that toolchain is missing, unless
/// MAPSCOPE_REQUIRE_GO=1 (CI), where a missing toolchain fails the test.
/// </summary>
public static class GoToolchain
{
    /// <summary>The toolchains every toolchain-comparing test runs against.</summary>
    public static readonly string[] Supported = ["1.19", "1.24"];

    /// <summary>xunit MemberData: one row per supported release.</summary>
    public static TheoryData<string> Releases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var r in Supported) data.Add(r);
            return data;
        }
    }

    private static readonly Lazy<string?> GoPath = new(() => MapScope.Semantics.Loading.GoCommand.Path);
    private static readonly Lazy<string?> GoRootPath = new(() => GoPath.Value is null ? null : Run(GoPath.Value, "env GOROOT").Trim());
    private static readonly Lazy<IReadOnlyList<GoInstall>> InstalledList = new(Discover);

    public static bool Required => Environment.GetEnvironmentVariable("MAPSCOPE_REQUIRE_GO") == "1";

    /// <summary>The default go binary (first on PATH, as mapscope itself finds it), or null when there is none.</summary>
    public static string? Go => GoPath.Value;

    /// <summary>GOROOT of the default go binary, or null.</summary>
    public static string? GoRoot => GoRootPath.Value;

    /// <summary>Every toolchain found: PATH's go, /usr/lib/go-*/bin/go, /usr/local/go/bin/go; one per GOROOT.</summary>
    public static IReadOnlyList<GoInstall> Installed => InstalledList.Value;

    /// <summary>Returns the default go binary; skips (or fails under MAPSCOPE_REQUIRE_GO=1) when it is missing.</summary>
    public static string Require()
    {
        if (Go is { } go) return go;
        if (Required) throw new InvalidOperationException("MAPSCOPE_REQUIRE_GO=1 but no go command was found (PATH, /usr/lib/go-*/bin, /usr/local/go/bin)");
        Skip.If(true, "the go command is not installed");
        return "";
    }

    /// <summary>
    /// The installed toolchain of a release ("1.24" matches go1.24.x); skips (or fails under
    /// MAPSCOPE_REQUIRE_GO=1) when it is missing or has no GOROOT/src.
    /// </summary>
    public static GoInstall Require(string release)
    {
        var found = Installed.FirstOrDefault(t => t.Release == release);
        string? problem = found is null
            ? $"Go {release} is not installed (looked on PATH, in /usr/lib/go-*/bin and /usr/local/go/bin; .ci/run installs it)"
            : !File.Exists(Path.Combine(found.Src, "go", "ast", "ast.go"))
                ? $"Go {release} has no sources in {found.Src}; install golang-{release}-src"
                : null;
        if (problem is null) return found!;
        if (Required) throw new InvalidOperationException("MAPSCOPE_REQUIRE_GO=1 but " + problem);
        Skip.If(true, problem);
        return null!;
    }

    /// <summary>GOROOT/src of the default toolchain; skips or fails like <see cref="Require()"/>.</summary>
    public static string RequireGoRootSrc()
    {
        Require();
        var src = Path.Combine(GoRoot ?? "", "src");
        if (Directory.Exists(src) && File.Exists(Path.Combine(src, "go", "ast", "ast.go"))) return src;
        if (Required) throw new InvalidOperationException($"MAPSCOPE_REQUIRE_GO=1 but GOROOT/src ({src}) has no Go sources; install the golang-*-src package");
        Skip.If(true, "GOROOT/src is not installed");
        return "";
    }

    private static IReadOnlyList<GoInstall> Discover()
    {
        var candidates = new List<string>();
        if (Go != null) candidates.Add(Go);
        if (Directory.Exists("/usr/lib")) candidates.AddRange(Directory.GetDirectories("/usr/lib", "go-*").Select(d => Path.Combine(d, "bin", "go")));
        candidates.Add("/usr/lib/go/bin/go");
        candidates.Add("/usr/local/go/bin/go");
        var found = new List<GoInstall>();
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var go in candidates.Where(File.Exists))
        {
            string[] env;
            try
            {
                env = Run(go, "env GOVERSION GOROOT", env: new Dictionary<string, string> { ["GOTOOLCHAIN"] = "local", ["GOROOT"] = "" })
                    .Split('\n', StringSplitOptions.TrimEntries);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                continue;
            }
            if (env.Length < 2 || !env[0].StartsWith("go1.", StringComparison.Ordinal)) continue;
            var real = RealPath(env[1]);
            if (!roots.Add(real)) continue;
            var release = string.Join('.', env[0][2..].Split('.').Take(2).Select(p => new string(p.TakeWhile(char.IsAsciiDigit).ToArray())));
            found.Add(new GoInstall(release, env[0], go, env[1]));
        }
        return found;
    }

    private static string RealPath(string path)
    {
        try
        {
            var info = new DirectoryInfo(path);
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (IOException)
        {
            return path;
        }
    }

    /// <summary>Runs go (or another program) and returns stdout; throws with stderr on failure.</summary>
    public static string Run(string program, string arguments, string? workingDirectory = null, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (env != null)
            foreach (var (k, v) in env)
            {
                if (v.Length == 0) psi.Environment.Remove(k);
                else psi.Environment[k] = v;
            }
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {arguments} exited {p.ExitCode}: {stderr.Result}");
        return stdout;
    }

    /// <summary>Runs a go command of one toolchain (its own PATH, GOROOT, GOTOOLCHAIN=local); throws on failure.</summary>
    public static string Run(GoInstall go, string arguments, string? workingDirectory = null, IDictionary<string, string>? env = null) =>
        Run(go.Go, arguments, workingDirectory, go.Env(env));
}
