using System.Text.Json.Serialization;

namespace MapScope.Semantics.Loading;

/// <summary>The fields of one <c>go list -json</c> object that we read (names as cmd/go writes them).</summary>
internal sealed class GoListPackage
{
    public string? ImportPath { get; set; }
    public string? Name { get; set; }
    public string? Dir { get; set; }
    public string? Root { get; set; }
    public bool Standard { get; set; }
    public bool DepOnly { get; set; }
    public List<string>? GoFiles { get; set; }
    public List<string>? CgoFiles { get; set; }
    public List<string>? TestGoFiles { get; set; }
    public List<string>? XTestGoFiles { get; set; }
    public List<string>? Imports { get; set; }
    public List<string>? TestImports { get; set; }
    public List<string>? XTestImports { get; set; }
    public Dictionary<string, string>? ImportMap { get; set; }
    public GoListModule? Module { get; set; }
    public GoListError? Error { get; set; }
    public List<GoListError>? DepsErrors { get; set; }
    public List<string>? InvalidGoFiles { get; set; }
}

internal sealed class GoListModule
{
    public string? Path { get; set; }
    public string? Version { get; set; }
    public string? Dir { get; set; }
    public string? GoVersion { get; set; }
    public bool Main { get; set; }
    public GoListModule? Replace { get; set; }
}

internal sealed class GoListError
{
    public List<string>? ImportStack { get; set; }
    public string? Pos { get; set; }
    public string? Err { get; set; }
}

[JsonSerializable(typeof(GoListPackage))]
internal sealed partial class GoListJsonContext : JsonSerializerContext;
