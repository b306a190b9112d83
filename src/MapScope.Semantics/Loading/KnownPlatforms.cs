using System.Text.RegularExpressions;

namespace MapScope.Semantics.Loading;

/// <summary>
/// The GOOS and GOARCH names a toolchain's go/build knows. Only these names make a file-name suffix like
/// <c>_linux</c> or <c>_arm64</c> a constraint; any other suffix is part of the name. The lists grow with
/// Go releases (wasip1 since Go 1.21), so they are read from the toolchain's own syslist.go when it is
/// there, and fall back to the lists of Go 1.19 plus what later releases added.
/// </summary>
public sealed partial record KnownPlatforms(IReadOnlySet<string> OperatingSystems, IReadOnlySet<string> UnixSystems, IReadOnlySet<string> Architectures)
{
    /// <summary>Go 1.19's lists (go/build/syslist.go).</summary>
    public static readonly KnownPlatforms Go119 = new(
        Set("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
            "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"),
        Set("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
            "netbsd", "openbsd", "solaris"),
        Set("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
            "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64",
            "s390", "s390x", "sparc", "sparc64", "wasm"));

    /// <summary>The lists of the toolchain in <paramref name="goroot"/> of release <paramref name="minor"/>.</summary>
    public static KnownPlatforms For(string? goroot, int minor)
    {
        if (goroot != null)
        {
            // internal/syslist since Go 1.21, go/build before.
            foreach (var rel in new[] { "src/internal/syslist/syslist.go", "src/go/build/syslist.go" })
            {
                var path = Path.Combine(goroot, rel);
                if (!File.Exists(path)) continue;
                try
                {
                    if (Read(File.ReadAllText(path)) is { } read) return read;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    break;
                }
            }
        }
        return minor >= 21 ? Go119 with { OperatingSystems = Set([.. Go119.OperatingSystems, "wasip1"]) } : Go119;
    }

    /// <summary>Reads the three <c>map[string]bool{...}</c> literals of a syslist.go; null when one is missing.</summary>
    internal static KnownPlatforms? Read(string source)
    {
        var os = MapLiteral(source, "knownOS") ?? MapLiteral(source, "KnownOS");
        var unix = MapLiteral(source, "unixOS") ?? MapLiteral(source, "UnixOS");
        var arch = MapLiteral(source, "knownArch") ?? MapLiteral(source, "KnownArch");
        return os is null || unix is null || arch is null ? null : new KnownPlatforms(os, unix, arch);
    }

    private static HashSet<string>? MapLiteral(string source, string name)
    {
        var m = Regex.Match(source, @"var\s+" + name + @"\s*=\s*map\[string\]bool\{(?<body>[^}]*)\}");
        if (!m.Success) return null;
        var names = KeyPattern().Matches(m.Groups["body"].Value).Select(k => k.Groups[1].Value).ToArray();
        return names.Length == 0 ? null : Set(names);
    }

    [GeneratedRegex("\"([a-z0-9]+)\"\\s*:\\s*true")]
    private static partial Regex KeyPattern();

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
