namespace MapScope.Syntax;

/// <summary>A syntax error: byte offset into the file and go/parser-like message.</summary>
public readonly record struct SyntaxError(int Offset, string Message);

/// <summary>The result of parsing one file: the tree, the errors, and the line table for positions.</summary>
public sealed class ParsedFile(string path, byte[] source, Ast.File file, IReadOnlyList<SyntaxError> errors, LineTable lines)
{
    public string Path { get; } = path;
    public byte[] Source { get; } = source;
    public Ast.File File { get; } = file;
    public IReadOnlyList<SyntaxError> Errors { get; } = errors;
    public LineTable Lines { get; } = lines;
    public bool HasErrors => Errors.Count > 0;

    /// <summary>"path:line:col: message" for an error, as go/parser prints it.</summary>
    public string Format(SyntaxError e)
    {
        var (line, col) = Lines.Position(e.Offset);
        return $"{Path}:{line}:{col}: {e.Message}";
    }
}
