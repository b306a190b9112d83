using System.Diagnostics;
using Xunit;

namespace MapScope.TestSupport;

/// <summary>
/// Finds the Go toolchain for tests that need it. Tests call <see cref="Require"/>: it skips the test
/// when Go is missing, unless MAPSCOPE_REQUIRE_GO=1 (CI), where a missing toolchain fails the test.
/// </summary>
public static class GoToolchain
{
    private static readonly Lazy<string?> GoPath = new(() => MapScope.Semantics.Loading.GoCommand.Path);
    private static readonly Lazy<string?> GoRootPath = new(() => GoPath.Value is null ? null : Run(GoPath.Value, "env GOROOT").Trim());

    public static bool Required => Environment.GetEnvironmentVariable("MAPSCOPE_REQUIRE_GO") == "1";

    /// <summary>The go binary, or null when there is none.</summary>
    public static string? Go => GoPath.Value;

    /// <summary>GOROOT as the go command reports it, or null.</summary>
    public static string? GoRoot => GoRootPath.Value;

    /// <summary>Returns the go binary; skips (or fails under MAPSCOPE_REQUIRE_GO=1) when it is missing.</summary>
    public static string Require()
    {
        if (Go is { } go) return go;
        if (Required) throw new InvalidOperationException("MAPSCOPE_REQUIRE_GO=1 but no go command was found (PATH, /usr/lib/go-*/bin, /usr/local/go/bin)");
        Skip.If(true, "the go command is not installed");
        return "";
    }

    /// <summary>GOROOT/src; skips or fails like <see cref="Require"/>.</summary>
    public static string RequireGoRootSrc()
    {
        Require();
        var src = Path.Combine(GoRoot ?? "", "src");
        if (Directory.Exists(src) && File.Exists(Path.Combine(src, "go", "ast", "ast.go"))) return src;
        if (Required) throw new InvalidOperationException($"MAPSCOPE_REQUIRE_GO=1 but GOROOT/src ({src}) has no Go sources; install golang-1.19-src");
        Skip.If(true, "GOROOT/src is not installed");
        return "";
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
        if (env != null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {arguments} exited {p.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
