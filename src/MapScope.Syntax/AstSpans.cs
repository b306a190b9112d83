namespace MapScope.Syntax;

/// <summary>The conformance format of `mapscope ast --format spans`.</summary>
public static class AstSpans
{
    /// <summary>Writes "== PATH" then one "KIND START END" line per node, or "ERROR" for a file with syntax errors.</summary>
    public static void Write(ParsedFile file, TextWriter output, string displayPath)
    {
        throw new NotImplementedException();
    }
}
