namespace MapScope.Syntax;

/// <summary>Go's lexical tokens, in go/token's order and with its spellings.</summary>
public enum Token : byte
{
    ILLEGAL, EOF, COMMENT,
    // literals
    IDENT, INT, FLOAT, IMAG, CHAR, STRING,
    // operators
    ADD, SUB, MUL, QUO, REM, AND, OR, XOR, SHL, SHR, AND_NOT,
    ADD_ASSIGN, SUB_ASSIGN, MUL_ASSIGN, QUO_ASSIGN, REM_ASSIGN, AND_ASSIGN, OR_ASSIGN, XOR_ASSIGN,
    SHL_ASSIGN, SHR_ASSIGN, AND_NOT_ASSIGN,
    LAND, LOR, ARROW, INC, DEC, EQL, LSS, GTR, ASSIGN, NOT, NEQ, LEQ, GEQ, DEFINE, ELLIPSIS,
    LPAREN, LBRACK, LBRACE, COMMA, PERIOD, RPAREN, RBRACK, RBRACE, SEMICOLON, COLON, TILDE,
    // keywords
    BREAK, CASE, CHAN, CONST, CONTINUE, DEFAULT, DEFER, ELSE, FALLTHROUGH, FOR, FUNC, GO, GOTO, IF,
    IMPORT, INTERFACE, MAP, PACKAGE, RANGE, RETURN, SELECT, STRUCT, SWITCH, TYPE, VAR,
}

public static class Tokens
{
    public const int LowestPrec = 0;

    private static readonly string[] Spellings =
    [
        "ILLEGAL", "EOF", "COMMENT",
        "IDENT", "INT", "FLOAT", "IMAG", "CHAR", "STRING",
        "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=",
        "&&", "||", "<-", "++", "--", "==", "<", ">", "=", "!", "!=", "<=", ">=", ":=", "...",
        "(", "[", "{", ",", ".", ")", "]", "}", ";", ":", "~",
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
        "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
        "struct", "switch", "type", "var",
    ];

    public static string Spelling(this Token t) => Spellings[(int)t];

    public static bool IsLiteral(this Token t) => t is >= Token.IDENT and <= Token.STRING;

    public static bool IsKeyword(this Token t) => t >= Token.BREAK;

    /// <summary>Binary operator precedence, as go/token's Precedence.</summary>
    public static int Precedence(this Token t) => t switch
    {
        Token.LOR => 1,
        Token.LAND => 2,
        Token.EQL or Token.NEQ or Token.LSS or Token.LEQ or Token.GTR or Token.GEQ => 3,
        Token.ADD or Token.SUB or Token.OR or Token.XOR => 4,
        Token.MUL or Token.QUO or Token.REM or Token.SHL or Token.SHR or Token.AND or Token.AND_NOT => 5,
        _ => LowestPrec,
    };

    /// <summary>Keyword for an identifier-shaped byte span, or IDENT.</summary>
    public static Token Lookup(ReadOnlySpan<byte> s)
    {
        if (s.Length < 2 || s.Length > 11 || s[0] < (byte)'b' || s[0] > (byte)'v') return Token.IDENT;
        switch (s[0])
        {
            case (byte)'b': if (s.SequenceEqual("break"u8)) return Token.BREAK; break;
            case (byte)'c':
                if (s.SequenceEqual("case"u8)) return Token.CASE;
                if (s.SequenceEqual("chan"u8)) return Token.CHAN;
                if (s.SequenceEqual("const"u8)) return Token.CONST;
                if (s.SequenceEqual("continue"u8)) return Token.CONTINUE;
                break;
            case (byte)'d':
                if (s.SequenceEqual("default"u8)) return Token.DEFAULT;
                if (s.SequenceEqual("defer"u8)) return Token.DEFER;
                break;
            case (byte)'e': if (s.SequenceEqual("else"u8)) return Token.ELSE; break;
            case (byte)'f':
                if (s.SequenceEqual("for"u8)) return Token.FOR;
                if (s.SequenceEqual("func"u8)) return Token.FUNC;
                if (s.SequenceEqual("fallthrough"u8)) return Token.FALLTHROUGH;
                break;
            case (byte)'g':
                if (s.SequenceEqual("go"u8)) return Token.GO;
                if (s.SequenceEqual("goto"u8)) return Token.GOTO;
                break;
            case (byte)'i':
                if (s.SequenceEqual("if"u8)) return Token.IF;
                if (s.SequenceEqual("import"u8)) return Token.IMPORT;
                if (s.SequenceEqual("interface"u8)) return Token.INTERFACE;
                break;
            case (byte)'m': if (s.SequenceEqual("map"u8)) return Token.MAP; break;
            case (byte)'p': if (s.SequenceEqual("package"u8)) return Token.PACKAGE; break;
            case (byte)'r':
                if (s.SequenceEqual("range"u8)) return Token.RANGE;
                if (s.SequenceEqual("return"u8)) return Token.RETURN;
                break;
            case (byte)'s':
                if (s.SequenceEqual("select"u8)) return Token.SELECT;
                if (s.SequenceEqual("struct"u8)) return Token.STRUCT;
                if (s.SequenceEqual("switch"u8)) return Token.SWITCH;
                break;
            case (byte)'t': if (s.SequenceEqual("type"u8)) return Token.TYPE; break;
            case (byte)'v': if (s.SequenceEqual("var"u8)) return Token.VAR; break;
        }
        return Token.IDENT;
    }
}
