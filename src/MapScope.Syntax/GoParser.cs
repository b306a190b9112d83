namespace MapScope.Syntax;

/// <summary>Entry point of the syntax layer: parse Go source files the way go/parser does.</summary>
public static class GoParser
{
    /// <summary>Parses one file (comments kept). Never throws on bad input; errors are in the result.</summary>
    public static ParsedFile ParseFile(string path, byte[] source)
    {
        throw new NotImplementedException("parser under construction");
    }
}
