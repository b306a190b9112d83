using System.Text.Json;
using MapScope.Semantics.Checking;
using MapScope.TestSupport;

namespace MapScope.Semantics.Tests.Checking;

/// <summary>Runs tests/gotools/gotypes (go/types' view of map-typed expressions) and go list.</summary>
internal static class GoTypesOracle
{
    private static readonly Lazy<string> Binary = new(() =>
    {
        var go = GoToolchain.Require();
        var output = Path.Combine(Path.GetTempPath(), $"mapscope-gotypes-{Environment.ProcessId}");
        GoToolchain.Run(go, $"build -o \"{output}\" .", RepoPaths.Combine("tests", "gotools", "gotypes"),
            new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GOTOOLCHAIN"] = "local" });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(output);
        return output;
    });

    /// <summary>go/types' lines for the given packages (each checked under its own import path).</summary>
    public static List<string> Lines(IEnumerable<PackageSource> packages, string workDir) =>
        Lines(packages.Select(p => p.Dir + "\t" + p.ImportPath), workDir);

    private static List<string> Lines(IEnumerable<string> dirs, string workDir)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(Binary.Value, "-")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = workDir,
        };
        psi.Environment["PATH"] = Path.GetDirectoryName(GoToolchain.Go)! + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var feed = Task.Run(() =>
        {
            foreach (var d in dirs) p.StandardInput.WriteLine(d);
            p.StandardInput.Close();
        });
        var lines = new List<string>();
        string? line;
        while ((line = p.StandardOutput.ReadLine()) != null) lines.Add(line);
        feed.Wait();
        p.WaitForExit();
        return lines;
    }

    /// <summary>`go list -e -json PATTERNS`: import path to package source (GoFiles and CgoFiles).</summary>
    public static Dictionary<string, PackageSource> GoList(string workDir, params string[] patterns)
    {
        var go = GoToolchain.Require();
        var json = GoToolchain.Run(go, "list -e -json " + string.Join(' ', patterns), workDir);
        var result = new Dictionary<string, PackageSource>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            var path = root.GetProperty("ImportPath").GetString()!;
            var dir = root.TryGetProperty("Dir", out var d) ? d.GetString() ?? "" : "";
            var files = new List<string>();
            foreach (var key in new[] { "GoFiles", "CgoFiles" })
                if (root.TryGetProperty(key, out var arr))
                    files.AddRange(arr.EnumerateArray().Select(f => Path.Combine(dir, f.GetString()!)));
            result[path] = new PackageSource(path, dir, files);
        }
        return result;
    }
}
