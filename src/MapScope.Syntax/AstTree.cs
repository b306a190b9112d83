namespace MapScope.Syntax;

/// <summary>The human-readable tree of `mapscope ast --format tree`.</summary>
public static class AstTree
{
    public static void Write(ParsedFile file, TextWriter output, string displayPath)
    {
        throw new NotImplementedException();
    }
}
