using System.Diagnostics;
using MapScope.TestSupport;

namespace MapScope.Syntax.Tests.Conformance;

/// <summary>Builds and runs tests/gotools/gospans, the go/parser oracle for the spans format.</summary>
internal static class GoSpansOracle
{
    private static readonly Lazy<string> Binary = new(Build);

    private static string Build()
    {
        var go = GoToolchain.Require();
        var output = Path.Combine(Path.GetTempPath(), $"mapscope-gospans-{Environment.ProcessId}");
        GoToolchain.Run(go, $"build -o \"{output}\" .", RepoPaths.Combine("tests", "gotools", "gospans"),
            new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GO111MODULE"] = "on", ["GOTOOLCHAIN"] = "local" });
        return output;
    }

    /// <summary>One file's oracle verdict: null lines when go/parser rejected it.</summary>
    public sealed record Block(string Path, List<string>? Lines);

    /// <summary>Streams the oracle's output for the given files, one block per file, in order.</summary>
    public static IEnumerable<Block> Run(IReadOnlyList<string> files)
    {
        var psi = new ProcessStartInfo(Binary.Value, "-")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var feeder = Task.Run(() =>
        {
            foreach (var f in files) p.StandardInput.WriteLine(f);
            p.StandardInput.Close();
        });

        string? path = null;
        List<string>? lines = null;
        bool error = false;
        string? line;
        while ((line = p.StandardOutput.ReadLine()) != null)
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                if (path != null) yield return new Block(path, error ? null : lines);
                path = line[3..];
                lines = [];
                error = false;
            }
            else if (line == "ERROR") error = true;
            else lines!.Add(line);
        }
        if (path != null) yield return new Block(path, error ? null : lines);
        feeder.Wait();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("gospans failed: " + stderr.Result);
    }
}
