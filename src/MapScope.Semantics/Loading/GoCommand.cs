using System.ComponentModel;
using System.Diagnostics;

namespace MapScope.Semantics.Loading;

/// <summary>Finds and runs the go command. Never throws: a missing binary or a failed start is an exit code of -1.</summary>
public static class GoCommand
{
    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The go binary on PATH, else in /usr/lib/go-*/bin or /usr/local/go/bin; null when there is none.</summary>
    public static string? Path => Located.Value;

    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr);

    public static Result Run(string go, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> env)
    {
        var psi = new ProcessStartInfo(go)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        try
        {
            using var p = Process.Start(psi);
            if (p is null) return new Result(-1, [], "could not start " + go);
            var stderr = p.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(stdout);
            p.WaitForExit();
            return new Result(p.ExitCode, stdout.ToArray(), stderr.Result);
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            return new Result(-1, [], $"{go}: {e.Message}");
        }
    }

    /// <summary>
    /// The environment mapscope runs go in: never download. GOTOOLCHAIN=local keeps a newer go or toolchain
    /// line from fetching another toolchain (the local go then fails, and the caller can fall back);
    /// GOPROXY=off keeps modules that are not downloaded from being fetched; -mod=mod is dropped from GOFLAGS
    /// because it lets go list rewrite go.mod and go.sum.
    /// </summary>
    public static Dictionary<string, string> OfflineEnvironment(Func<string, string?> getenv)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GOTOOLCHAIN"] = "local",
            ["GOPROXY"] = "off",
        };
        var goflags = getenv("GOFLAGS") ?? "";
        var kept = goflags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => f.TrimStart('-') != "mod=mod").ToArray();
        if (kept.Length != goflags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) env["GOFLAGS"] = string.Join(' ', kept);
        return env;
    }

    /// <summary>
    /// The go command's whole error message as one line: its lines joined ("go: errors parsing go.mod: go.mod:3: ...;
    /// go.mod:5: ..."), progress lines ("go: downloading ...") left out, paths under <paramref name="workingDirectory"/> made relative.
    /// </summary>
    public static string Message(string stderr, string workingDirectory)
    {
        var lines = stderr.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("go: downloading ", StringComparison.Ordinal) && !l.StartsWith("go: finding ", StringComparison.Ordinal))
            .ToList();
        var b = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (b.Length > 0) b.Append(b[^1] == ':' ? " " : "; ");
            b.Append(line);
        }
        var dir = System.IO.Path.TrimEndingDirectorySeparator(workingDirectory) + System.IO.Path.DirectorySeparatorChar;
        return b.ToString().Replace(dir, "", StringComparison.Ordinal);
    }

    private static string? Locate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, OperatingSystem.IsWindows() ? "go.exe" : "go");
            if (File.Exists(candidate)) return candidate;
        }
        var roots = new List<string>();
        if (Directory.Exists("/usr/lib")) roots.AddRange(Directory.GetDirectories("/usr/lib", "go-*").OrderDescending());
        roots.AddRange(["/usr/lib/go", "/usr/local/go"]);
        return roots.Select(r => System.IO.Path.Combine(r, "bin", "go")).FirstOrDefault(File.Exists);
    }
}
