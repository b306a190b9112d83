using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Checking;

/// <summary>Where go/types' answers depend on the Go release that built the tool, which behaviour to follow.</summary>
public sealed record CheckerOptions
{
    /// <summary>Go 1.19's go/types: an alias name denotes its target.</summary>
    public static readonly CheckerOptions Default = new();

    /// <summary>
    /// Keep alias types, as go/types does with GODEBUG gotypesalias=1 (the default from Go 1.23 on, when
    /// the main module's go line is 1.23 or later): `type M = map[string]int` makes values of type M
    /// print as pkg.M instead of map[string]int.
    /// </summary>
    public bool Aliases { get; init; }

    /// <summary>
    /// Untyped constant arguments of one type parameter infer the default type of their largest kind
    /// (Pair(1, 2.5): float64), as from Go 1.21; before, differing kinds fail inference.
    /// </summary>
    public bool UntypedMaxKind { get; init; }

    /// <summary>go/types' defaults for a tool built by a Go release ("1.24", "go1.24.4"); unknown releases get <see cref="Default"/>.</summary>
    public static CheckerOptions ForGoRelease(string? release) => GoVersions.Minor(release) switch
    {
        >= 23 => new CheckerOptions { Aliases = true, UntypedMaxKind = true },
        >= 21 => new CheckerOptions { UntypedMaxKind = true },
        _ => Default,
    };
}
