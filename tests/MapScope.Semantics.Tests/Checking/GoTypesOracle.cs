using System.Collections.Concurrent;
using System.Text.Json;
using MapScope.Semantics.Checking;
using MapScope.TestSupport;

namespace MapScope.Semantics.Tests.Checking;

/// <summary>Runs tests/gotools/gotypes (go/types' view of map-typed expressions) and go list.</summary>
internal static class GoTypesOracle
{
    // the default go with the oracle's own go.mod (go 1.19): gotypesalias=0 whatever the toolchain
    private static readonly Lazy<string> Binary = new(() =>
    {
        var go = GoToolchain.Require();
        var output = Path.Combine(Path.GetTempPath(), $"mapscope-gotypes-{Environment.ProcessId}");
        GoToolchain.Run(go, $"build -o \"{output}\" .", RepoPaths.Combine("tests", "gotools", "gotypes"),
            new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GOTOOLCHAIN"] = "local" });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(output);
        return output;
    });

    private static readonly ConcurrentDictionary<string, Lazy<string>> ReleaseBinaries = new(StringComparer.Ordinal);

    /// <summary>
    /// The oracle built by one toolchain from a copy of tests/gotools/gotypes whose go.mod says that
    /// toolchain's release, so that go/types runs with that release's defaults (Go 1.24: gotypesalias=1).
    /// </summary>
    public static string BinaryFor(GoInstall go) =>
        ReleaseBinaries.GetOrAdd(go.Release, _ => new Lazy<string>(() => Build(go))).Value;

    private static string Build(GoInstall go)
    {
        var tag = $"{go.Release}-{Environment.ProcessId}";
        var src = Path.Combine(Path.GetTempPath(), "mapscope-gotypes-src-" + tag);
        Directory.CreateDirectory(src);
        File.Copy(RepoPaths.Combine("tests", "gotools", "gotypes", "main.go"), Path.Combine(src, "main.go"), overwrite: true);
        File.WriteAllText(Path.Combine(src, "go.mod"), $"module mapscope.test/gotools/gotypes\n\ngo {go.Release}\n");
        var output = Path.Combine(Path.GetTempPath(), "mapscope-gotypes-" + tag);
        GoToolchain.Run(go, $"build -o \"{output}\" .", src, new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod" });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            File.Delete(output);
            Directory.Delete(src, recursive: true);
        };
        return output;
    }

    /// <summary>go/types' lines for the given packages (each checked under its own import path).</summary>
    public static List<string> Lines(IEnumerable<PackageSource> packages, string workDir) =>
        Run(Binary.Value, packages, workDir, new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(GoToolchain.Go)! + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        });

    /// <summary>go/types' lines from the oracle of one toolchain, with that toolchain's GOROOT.</summary>
    public static List<string> Lines(GoInstall go, IEnumerable<PackageSource> packages, string workDir) =>
        Run(BinaryFor(go), packages, workDir, go.Env());

    private static List<string> Run(string binary, IEnumerable<PackageSource> packages, string workDir, Dictionary<string, string> env)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(binary, "-")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = workDir,
        };
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var feed = Task.Run(() =>
        {
            foreach (var pkg in packages) p.StandardInput.WriteLine(pkg.Dir + "\t" + pkg.ImportPath);
            p.StandardInput.Close();
        });
        var lines = new List<string>();
        string? line;
        while ((line = p.StandardOutput.ReadLine()) != null) lines.Add(line);
        feed.Wait();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{binary} exited {p.ExitCode}: {err.Result}");
        return lines;
    }

    /// <summary>`go list -e -json PATTERNS` of the default go: import path to package source (GoFiles and CgoFiles).</summary>
    public static Dictionary<string, PackageSource> GoList(string workDir, params string[] patterns) =>
        ParseList(GoToolchain.Run(GoToolchain.Require(), "list -e -json " + string.Join(' ', patterns), workDir));

    /// <summary>`go list -e -json PATTERNS` of one toolchain.</summary>
    public static Dictionary<string, PackageSource> GoList(GoInstall go, string workDir, params string[] patterns) =>
        ParseList(GoToolchain.Run(go, "list -e -json " + string.Join(' ', patterns), workDir));

    private static Dictionary<string, PackageSource> ParseList(string json)
    {
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
