using MapScope.Analysis.Config;
using MapScope.Evidence.Crash;
using MapScope.Evidence.Escape;
using MapScope.Evidence.GcTrace;
using MapScope.Evidence.Pprof;
using MapScope.Semantics.Checking;
using MapScope.Syntax;

namespace MapScope.Fuzz;

/// <summary>
/// One harness per reader. Each gets the fuzzer's bytes and must either succeed or fail with the exception its
/// reader documents for bad input; anything else escapes and AFL++ records it as a crash.
/// </summary>
internal static class Harnesses
{
    public static readonly Dictionary<string, Action<byte[]>> All = new(StringComparer.Ordinal)
    {
        // Go source through the parser, then declarations and bodies through the checker (no imports resolve).
        ["go"] = data =>
        {
            var parsed = GoParser.ParseFile("fuzz.go", data);
            var checker = new Checker("example.com/fuzz", "/fuzz", [parsed], NoImports.Instance);
            checker.CheckBodies();
        },
        // profile.proto, gzip'd or raw, and the legacy text form: one entry point decides which.
        ["pprof"] = data => Expect<ProfileFormatException>(() => ProfileReader.Parse(data, new ProfileReadOptions { MaxDecompressedBytes = 16 << 20 })),
        ["gctrace"] = data => GcTraceReader.Read(new MemoryStream(data)),
        ["escape-text"] = data => EscapeTextReader.Read(new MemoryStream(data)),
        ["escape-json"] = data => EscapeJsonReader.Read(new MemoryStream(data)),
        ["crash"] = data => CrashReader.Read(new MemoryStream(data)),
        ["config"] = data => Expect<ConfigException>(() => ConfigFile.Parse(System.Text.Encoding.UTF8.GetString(data), "/fuzz/.mapscope.yml")),
    };

    /// <summary>Runs <paramref name="read"/>; the documented bad-input exception is a normal outcome.</summary>
    private static void Expect<T>(Action read) where T : Exception
    {
        try
        {
            read();
        }
        catch (T)
        {
        }
    }

    private sealed class NoImports : IImporter
    {
        public static readonly NoImports Instance = new();

        public MapScope.Semantics.Types.Package? Import(string path, string fromDir) => null;
    }
}
