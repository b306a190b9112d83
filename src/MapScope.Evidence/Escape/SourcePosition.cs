namespace MapScope.Evidence.Escape;

/// <summary>A compiler position: the file as the compiler printed it ("./main.go" or an absolute path), 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
