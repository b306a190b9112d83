using MapScope.Syntax;

namespace MapScope.Attribution.Source;

/// <summary>A parsed Go file of the source tree; <see cref="RelativePath"/> is '/'-separated, relative to --source.</summary>
internal sealed class GoFile(ParsedFile parsed, string relativePath)
{
    public ParsedFile Parsed { get; } = parsed;
    public string RelativePath { get; } = relativePath;
    public string PackageName => Parsed.File.Name.Name;
    public bool IsTest => RelativePath.EndsWith("_test.go", StringComparison.Ordinal);

    public int LineOf(int offset) => Parsed.Lines.Position(offset).Line;

    public (int Line, int Column) PositionOf(int offset) => Parsed.Lines.Position(offset);

    /// <summary>The text of a 1-based line without its line break, trimmed; null past the end.</summary>
    public string? LineText(int line)
    {
        var lines = Parsed.Lines;
        if (line < 1 || line > lines.LineCount) return null;
        int start = lines.LineStart(line);
        int end = line < lines.LineCount ? lines.LineStart(line + 1) : Parsed.Source.Length;
        return System.Text.Encoding.UTF8.GetString(Parsed.Source, start, end - start).Trim();
    }

    /// <summary>The source text of a node's span.</summary>
    public string Text(Syntax.Ast.Node node)
    {
        int from = Math.Max(0, node.Pos), to = Math.Min(Parsed.Source.Length, node.End);
        return to > from ? System.Text.Encoding.UTF8.GetString(Parsed.Source, from, to - from) : "";
    }
}
