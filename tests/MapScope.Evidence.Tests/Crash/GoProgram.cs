using System.Diagnostics;

namespace MapScope.Evidence.Tests;

/// <summary>Runs a built fixture program and captures its output and exit code (crashing programs exit 2).</summary>
internal static class GoProgram
{
    public sealed record Result(int ExitCode, byte[] Stdout, byte[] Stderr);

    public static Result Run(string exe, string arguments = "", Dictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(exe, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (env != null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var copyOut = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var copyErr = p.StandardError.BaseStream.CopyToAsync(stderr);
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(1)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} {arguments} did not finish");
        }
        Task.WaitAll(copyOut, copyErr);
        return new Result(p.ExitCode, stdout.ToArray(), stderr.ToArray());
    }
}
