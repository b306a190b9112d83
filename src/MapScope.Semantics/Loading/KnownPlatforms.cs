namespace MapScope.Semantics.Loading;

/// <summary>
/// The GOOS and GOARCH names go/build knows (Go 1.19's syslist.go). Only these names make a file-name
/// suffix like <c>_linux</c> or <c>_arm64</c> a constraint; any other suffix is part of the name.
/// </summary>
public static class KnownPlatforms
{
    public static readonly IReadOnlySet<string> OperatingSystems = new HashSet<string>(StringComparer.Ordinal)
    {
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
        "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
    };

    /// <summary>The systems the "unix" build tag matches.</summary>
    public static readonly IReadOnlySet<string> UnixSystems = new HashSet<string>(StringComparer.Ordinal)
    {
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
        "netbsd", "openbsd", "solaris",
    };

    public static readonly IReadOnlySet<string> Architectures = new HashSet<string>(StringComparer.Ordinal)
    {
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
        "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64",
        "s390", "s390x", "sparc", "sparc64", "wasm",
    };
}
