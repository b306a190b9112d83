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
