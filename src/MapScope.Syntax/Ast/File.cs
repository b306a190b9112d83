namespace MapScope.Syntax.Ast;

public sealed class File { }
