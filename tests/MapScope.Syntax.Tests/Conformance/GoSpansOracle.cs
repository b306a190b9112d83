using System.Collections.Concurrent;
using System.Diagnostics;
using MapScope.TestSupport;

namespace MapScope.Syntax.Tests.Conformance;

/// <summary>Builds and runs tests/gotools/gospans, the go/parser oracle for the spans format.</summary>
internal static class GoSpansOracle
{
    // one binary per toolchain: go/parser is the one of the Go release that built it
    private static readonly ConcurrentDictionary<string, Lazy<string>> Binaries = new(StringComparer.Ordinal);

    private static string Build(GoInstall go)
    {
        var output = Path.Combine(Path.GetTempPath(), $"mapscope-gospans-{go.Release}-{Environment.ProcessId}");
        GoToolchain.Run(go, $"build -o \"{output}\" .", RepoPaths.Combine("tests", "gotools", "gospans"),
            new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GO111MODULE"] = "on" });
        return output;
    }

    /// <summary>The oracle built with the given toolchain (built once per test run).</summary>
    public static string Binary(GoInstall go) => Binaries.GetOrAdd(go.GoRoot, _ => new Lazy<string>(() => Build(go))).Value;

    /// <summary>One file's oracle verdict: null lines when go/parser rejected it.</summary>
    public sealed record Block(string Path, List<string>? Lines);

    /// <summary>Streams the oracle's output (go/parser of that toolchain) for the files, one block per file, in order.</summary>
    public static IEnumerable<Block> Run(GoInstall go, IReadOnlyList<string> files)
    {
        var psi = new ProcessStartInfo(Binary(go), "-")
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
