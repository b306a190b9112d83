namespace MapScope.Syntax;

/// <summary>
/// The go/parser releases that changed a verdict or a tree, so that a parser for a given Go version
/// knows which behaviour to reproduce.
/// </summary>
/// <remarks>
/// Measured by running go/parser of Go 1.19, 1.21, 1.22, 1.23 and 1.24 on the same inputs: 1.19 has the
/// old checks, 1.21 to 1.24 leave them to go/types; only 1.24 keeps the parentheses of a constraint.
/// With these thresholds each of those releases' GOROOT/src and the mutated files of the conformance
/// tests parse exactly like that release's go/parser (1.21–1.23 were checked once by hand, from Debian
/// backports; CI checks 1.19 and 1.24). Go 1.20 was not available to run. Its go/parser is taken to be the lenient one: the checks were
/// dropped in the development cycle that followed the 1.19 release (go/parser and go/types were aligned
/// with cmd/compile's syntax and types2 then). If a Go 1.20 toolchain shows otherwise, move
/// <see cref="ChecksLeftToTypes"/> to 1.21.
/// </remarks>
internal static class ParserReleases
{
    /// <summary>
    /// From this release go/parser no longer reports: a type where an expression is required (checkExpr),
    /// [...]T outside a composite literal, a non-identifier left of :=, an invalid import path, a
    /// constant without a value, a non-type in a type switch case, or a trailing comma in an embedded
    /// instantiation "T[P,]". In return it rejects parenthesized embedded fields and embedded fields
    /// that are not (pointers to) type names.
    /// </summary>
    public static readonly GoVersion ChecksLeftToTypes = GoVersion.Go1_20;

    /// <summary>From this release a type parameter "P (C)" keeps its constraint as a ParenExpr.</summary>
    public static readonly GoVersion ConstraintParensKept = GoVersion.Go1_24;
}
