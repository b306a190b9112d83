using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Pprof;

/// <summary>The committed profiles of the Go fixture programs, recorded with each release, show what each program did.</summary>
public class HeapFixtureTests
{
    public static TheoryData<string, string> Fixtures
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var release in GoToolchain.Supported)
                foreach (var name in HeapFixtures.Names)
                    data.Add(name, release);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CommittedProfilesShowWhatTheProgramDid(string name, string release) =>
        HeapFixtures.Check(name, HeapFixtures.Profiles(name, release), release);

    /// <summary>
    /// Regenerates the profiles with the real Go toolchain into a temporary folder (text dumps stay plain)
    /// and checks the same conclusions, so the committed files cannot drift from what the programs do.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Fixtures))]
    public void FreshProfilesShowTheSameConclusions(string name, string release)
    {
        var go = GoToolchain.Require(release);
        var temp = Directory.CreateTempSubdirectory("mapscope-heap-");
        try
        {
            var bin = Path.Combine(temp.FullName, "fixture");
            var env = new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GOCACHE"] = GoCache() };
            GoToolchain.Run(go, $"build -o {bin} .", HeapFixtures.Dir(name), env);
            GoToolchain.Run(bin, temp.FullName, temp.FullName);
            HeapFixtures.Check(name, temp.FullName, release);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static string GoCache() =>
        Environment.GetEnvironmentVariable("GOCACHE") is { Length: > 0 } c ? c : Path.Combine(Path.GetTempPath(), "mapscope-gocache");
}
