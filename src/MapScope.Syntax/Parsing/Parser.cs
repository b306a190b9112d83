using System.Runtime.CompilerServices;
using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

/// <summary>
/// A recursive-descent parser for Go, shaped like go/parser: the same grammar functions, the same
/// decisions on ambiguous syntax (so the same trees and positions), and the same accept/reject verdicts.
/// Errors are collected; parsing goes on. Split by grammar area into partial files.
/// </summary>
internal sealed partial class Parser
{
    // go/parser allows 100,000; we stop at 10,000 so that every tree we return can be walked and asked
    // for Pos/End recursively on an ordinary thread's stack. Real code nests a few dozen levels.
    private const int MaxNestLev = 10_000;
    private const int MaxErrors = 10;

    private readonly byte[] _src;
    private readonly Scanner _scanner;
    private readonly LineTable _lines;
    private readonly NameTable _names = NameTable.Current;
    private readonly List<SyntaxError> _errors = [];

    // Which go/parser to reproduce (see ParserReleases); read once here, tested as plain fields after.
    private readonly bool _oldChecks;           // Go 1.19: checks later releases leave to go/types
    private readonly bool _keepConstraintParens; // Go 1.24: "P (C)" keeps (C) as a ParenExpr

    // one-token look-ahead
    private int _pos;
    private Token _tok;
    private int _line; // line of _pos

    private int _syncPos = -1;
    private int _syncCnt;
    private int _exprLev;
    private bool _inRhs;
    private int _nestLev;

    private readonly List<CommentGroup> _comments = [];
    private CommentGroup? _leadComment;
    private CommentGroup? _lineComment;
    private readonly List<ImportSpec> _imports = [];

    private readonly Scratch<Expr> _exprs = new();
    private readonly Scratch<Stmt> _stmts = new();
    private readonly Scratch<Ident> _idents = new();

    private sealed class Bailout : Exception;

    public Parser(byte[] src, LineTable lines, GoVersion version)
    {
        _oldChecks = version < ParserReleases.ChecksLeftToTypes;
        _keepConstraintParens = version >= ParserReleases.ConstraintParensKept;
        _src = src;
        _lines = lines;
        _scanner = new Scanner(src, (offset, msg) => _errors.Add(new SyntaxError(offset, msg)));
        Next();
    }

    public IReadOnlyList<SyntaxError> Errors => _errors;

    /// <summary>Set when parsing stopped because the thread's stack ran low (not at the nesting limit).</summary>
    public bool StackExhausted { get; private set; }

    /// <summary>Tokens consumed plus nesting steps taken: a size-independent measure of parsing work.</summary>
    public long Steps { get; private set; }

    /// <summary>Parses the whole file; never throws on bad input.</summary>
    public Ast.File? ParseFileSafely()
    {
        try
        {
            return ParseFile();
        }
        catch (Bailout)
        {
            return null;
        }
    }

    // ---- tokens ----

    private bool SemiIsNewline => _tok == Token.SEMICOLON && _scanner.SemiIsNewline;

    private void Next0()
    {
        _scanner.Scan();
        Steps++;
        _pos = _scanner.Pos;
        _tok = _scanner.Tok;
        _line = _scanner.TokLine;
    }

    private int Line(int offset) => _lines.Position(offset).Line;

    private (Comment, int) ConsumeComment()
    {
        int endline = _line;
        var lit = _scanner.Lit;
        if (lit[1] == '*')
        {
            foreach (var b in lit)
                if (b == '\n') endline++;
        }
        var comment = new Comment(_pos, lit.Length, _src);
        Next0();
        return (comment, endline);
    }

    private (CommentGroup, int) ConsumeCommentGroup(int n)
    {
        var list = new List<Comment>();
        int endline = _line;
        while (_tok == Token.COMMENT && _line <= endline + n)
        {
            (var c, endline) = ConsumeComment();
            list.Add(c);
        }
        var group = new CommentGroup(list);
        _comments.Add(group);
        return (group, endline);
    }

    /// <summary>Advances to the next non-comment token, collecting comments and noting lead and line comments.</summary>
    private void Next()
    {
        _leadComment = null;
        _lineComment = null;
        int prevLine = _line;
        Next0();
        if (_tok != Token.COMMENT) return;

        CommentGroup? comment = null;
        int endline;
        if (_line == prevLine)
        {
            // a comment on the same line as the previous token: a line comment if a newline follows it
            (comment, endline) = ConsumeCommentGroup(0);
            if (_line != endline || _tok == Token.EOF) _lineComment = comment;
        }
        endline = -1;
        while (_tok == Token.COMMENT) (comment, endline) = ConsumeCommentGroup(1);
        if (endline + 1 == _line) _leadComment = comment;
    }

    // ---- errors ----

    private void Error(int pos, string msg)
    {
        // like go/parser without AllErrors: one error per line, and give up after ten
        int n = _errors.Count;
        int line = Line(pos);
        if (n > 0 && Line(_errors[n - 1].Offset) == line) return;
        if (n > MaxErrors) throw new Bailout();
        _errors.Add(new SyntaxError(pos, msg));
    }

    private void ErrorExpected(int pos, string msg)
    {
        msg = "expected " + msg;
        if (pos == _pos)
        {
            if (SemiIsNewline) msg += ", found newline";
            else if (_tok.IsLiteral()) msg += ", found " + System.Text.Encoding.UTF8.GetString(_scanner.Lit);
            else msg += ", found '" + _tok.Spelling() + "'";
        }
        Error(pos, msg);
    }

    private int Expect(Token tok)
    {
        int pos = _pos;
        if (_tok != tok) ErrorExpected(pos, "'" + tok.Spelling() + "'");
        Next(); // make progress
        return pos;
    }

    /// <summary>Like Expect, but returns NoPos when the token is missing.</summary>
    private int Expect2(Token tok)
    {
        int pos = Node.NoPos;
        if (_tok == tok) pos = _pos;
        else ErrorExpected(_pos, "'" + tok.Spelling() + "'");
        Next();
        return pos;
    }

    private int ExpectClosing(Token tok, string context)
    {
        if (_tok != tok && SemiIsNewline)
        {
            Error(_pos, "missing ',' before newline in " + context);
            Next();
        }
        return Expect(tok);
    }

    private void ExpectSemi()
    {
        // a semicolon is optional before a closing ')' or '}'
        if (_tok == Token.RPAREN || _tok == Token.RBRACE) return;
        switch (_tok)
        {
            case Token.COMMA:
                ErrorExpected(_pos, "';'");
                Next();
                break;
            case Token.SEMICOLON:
                Next();
                break;
            default:
                ErrorExpected(_pos, "';'");
                Advance(StmtStart);
                break;
        }
    }

    private bool AtComma(string context, Token follow)
    {
        if (_tok == Token.COMMA) return true;
        if (_tok != follow)
        {
            var msg = "missing ','";
            if (SemiIsNewline) msg += " before newline";
            Error(_pos, msg + " in " + context);
            return true; // "insert" comma and continue
        }
        return false;
    }

    private static bool StmtStart(Token t) => t is Token.BREAK or Token.CONST or Token.CONTINUE or Token.DEFER
        or Token.FALLTHROUGH or Token.FOR or Token.GO or Token.GOTO or Token.IF or Token.RETURN or Token.SELECT
        or Token.SWITCH or Token.TYPE or Token.VAR;

    private static bool DeclStart(Token t) => t is Token.CONST or Token.TYPE or Token.VAR;

    private static bool ExprEnd(Token t) => t is Token.COMMA or Token.COLON or Token.SEMICOLON or Token.RPAREN
        or Token.RBRACK or Token.RBRACE;

    /// <summary>Skips to a synchronizing token, guarding against endless loops like go/parser.</summary>
    private void Advance(Func<Token, bool> to)
    {
        for (; _tok != Token.EOF; Next())
        {
            if (!to(_tok)) continue;
            if (_pos == _syncPos && _syncCnt < 10)
            {
                _syncCnt++;
                return;
            }
            if (_pos > _syncPos)
            {
                _syncPos = _pos;
                _syncCnt = 0;
                return;
            }
        }
    }

    /// <summary>A position clamped to the file (go/parser's safePos).</summary>
    private int SafePos(int pos) => pos < 0 || pos > _src.Length ? _src.Length : pos;

    // ---- nesting ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void IncNestLev()
    {
        // the stack probe is an external call: ask only every 16 levels, far below the margin it keeps
        Steps++;
        if (++_nestLev > MaxNestLev)
        {
            Error(_pos, "exceeded max nesting depth");
            throw new Bailout();
        }
        if ((_nestLev & 15) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            StackExhausted = true;
            Error(_pos, "exceeded max nesting depth");
            throw new Bailout();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DecNestLev() => _nestLev--;

    // ---- identifiers and lists ----

    private Ident ParseIdent()
    {
        int pos = _pos;
        string name = "_";
        if (_tok == Token.IDENT)
        {
            name = _names.Intern(_scanner.Lit);
            Next();
        }
        else Expect(Token.IDENT);
        return new Ident(pos, name);
    }

    private List<Ident> ParseIdentList()
    {
        int mark = _idents.Mark;
        _idents.Push(ParseIdent());
        while (_tok == Token.COMMA)
        {
            Next();
            _idents.Push(ParseIdent());
        }
        return _idents.PopList(mark);
    }

    private List<Expr> ParseExprList()
    {
        int mark = _exprs.Mark;
        _exprs.Push(CheckExpr(ParseExpr()));
        while (_tok == Token.COMMA)
        {
            Next();
            _exprs.Push(CheckExpr(ParseExpr()));
        }
        return _exprs.PopList(mark);
    }

    private List<Expr> ParseList(bool inRhs)
    {
        bool old = _inRhs;
        _inRhs = inRhs;
        var list = ParseExprList();
        _inRhs = old;
        return list;
    }

    private BasicLit MakeBasicLit()
    {
        int len = _tok == Token.STRING ? _scanner.LitLengthNoCR : _scanner.LitLength;
        return new BasicLit(_pos, _tok, len, _src, len != _scanner.LitLength);
    }
}
