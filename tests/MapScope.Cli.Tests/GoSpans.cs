using MapScope.TestSupport;

namespace MapScope.Cli.Tests;

/// <summary>Builds tests/gotools/gospans (the go/parser oracle) once per test run.</summary>
internal static class GoSpans
{
    private static readonly Lazy<string> Binary = new(() =>
    {
        var go = GoToolchain.Require();
        var output = Path.Combine(Path.GetTempPath(), $"mapscope-gospans-{Environment.ProcessId}");
        GoToolchain.Run(go, $"build -o \"{output}\" .", RepoPaths.Combine("tests", "gotools", "gospans"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(output);
        return output;
    });

    /// <summary>Path of the gospans binary; skips (or fails under MAPSCOPE_REQUIRE_GO=1) without Go.</summary>
    public static string Build()
    {
        GoToolchain.Require();
        return Binary.Value;
    }
}
