using System.Globalization;
using System.Text;
using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

// Declarations: imports, const/var/type specs (incl. generic types and aliases), functions, the file.
internal sealed partial class Parser
{
    private Spec ParseImportSpec(CommentGroup? doc, int keywordPos, Token keyword, int iota)
    {
        Ident? ident = null;
        switch (_tok)
        {
            case Token.PERIOD:
                ident = new Ident(_pos, ".");
                Next();
                break;
            case Token.IDENT:
                ident = ParseIdent();
                break;
        }

        int pos = _pos;
        BasicLit path;
        if (_tok == Token.STRING)
        {
            path = MakeBasicLit();
            if (_oldChecks && !IsValidImport(_scanner.Lit)) Error(pos, "invalid import path: " + Encoding.UTF8.GetString(_scanner.Lit));
            Next();
        }
        else
        {
            path = new BasicLit(pos, Token.STRING, 0, _src, false);
            Expect(Token.STRING); // use Expect's error handling
        }
        ExpectSemi();
        var spec = new ImportSpec { Doc = doc, Name = ident, Path = path, Comment = _lineComment };
        _imports.Add(spec);
        return spec;
    }

    /// <summary>The spec's restrictions on import paths: graphic, no spaces, none of a set of punctuation.</summary>
    private static bool IsValidImport(ReadOnlySpan<byte> lit)
    {
        var s = StringLiteral.Unquote(lit);
        if (s == null) return false;
        const string illegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD";
        foreach (var r in s.EnumerateRunes())
        {
            if (!IsGraphic(r) || Rune.IsWhiteSpace(r) || illegal.Contains(r.ToString(), StringComparison.Ordinal)) return false;
        }
        return s.Length > 0;
    }

    /// <summary>Go's unicode.IsGraphic: letters, marks, numbers, punctuation, symbols and spaces (Zs).</summary>
    private static bool IsGraphic(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };

    private Spec ParseValueSpec(CommentGroup? doc, int keywordPos, Token keyword, int iota)
    {
        int pos = _pos;
        var idents = ParseIdentList();
        var typ = TryIdentOrType();
        List<Expr>? values = null;
        if (_tok == Token.ASSIGN)
        {
            Next();
            values = ParseList(true);
        }
        ExpectSemi();

        switch (keyword)
        {
            case Token.VAR:
                if (typ == null && values == null) Error(pos, "missing variable type or initialization");
                break;
            case Token.CONST:
                // a missing value is for go/types to report after Go 1.19
                if (_oldChecks && values == null && (iota == 0 || typ != null)) Error(pos, "missing constant value");
                break;
        }
        return new ValueSpec { Doc = doc, Names = idents, Type = typ, Values = values, Comment = _lineComment };
    }

    private void ParseGenericType(TypeSpec spec, int openPos, Ident name0, Expr? typ0)
    {
        var list = ParseParameterList(name0, typ0, Token.RBRACK);
        int closePos = Expect(Token.RBRACK);
        spec.TypeParams = new FieldList { Opening = openPos, List = list, Closing = closePos };
        // type parameters on aliases are for the type checker to judge (generic aliases, Go 1.24)
        if (_tok == Token.ASSIGN)
        {
            spec.Assign = _pos;
            Next();
        }
        spec.Type = ParseType();
    }

    private Spec ParseTypeSpec(CommentGroup? doc, int keywordPos, Token keyword, int iota)
    {
        var name = ParseIdent();
        var spec = new TypeSpec { Doc = doc, Name = name };

        if (_tok == Token.LBRACK)
        {
            // "type T[" starts an array type or a type parameter list
            int lbrack = _pos;
            Next();
            if (_tok == Token.IDENT)
            {
                // parse "P C" or "N" (array length) as an expression and decide from its shape
                Expr x = ParseIdent();
                if (_tok != Token.LBRACK)
                {
                    // To parse the expression starting with name, expand the call sequence
                    // ParseExpr would make; only the (unresolved) name's primary expression is needed.
                    _exprLev++;
                    var lhs = ParsePrimaryExpr(x);
                    x = ParseBinaryExpr(lhs, Tokens.LowestPrec + 1, false);
                    _exprLev--;
                }
                var (pname, ptype) = ExtractName(x, _tok == Token.COMMA, _keepConstraintParens);
                if (pname != null && (ptype != null || _tok != Token.RBRACK))
                {
                    // type parameter list: "[P any]", "[P *C]", "[P, Q any]", ...
                    ParseGenericType(spec, lbrack, pname, ptype);
                }
                else
                {
                    // array type: "[N]E"
                    spec.Type = ParseArrayType(lbrack, x);
                }
            }
            else
            {
                // array type
                spec.Type = ParseArrayType(lbrack, null);
            }
        }
        else
        {
            // no type parameters
            if (_tok == Token.ASSIGN)
            {
                spec.Assign = _pos; // type alias
                Next();
            }
            spec.Type = ParseType();
        }

        ExpectSemi();
        spec.Comment = _lineComment;
        return spec;
    }

    /// <summary>
    /// Splits "P C"-shaped expressions parsed from "type T[P C ..." into the parameter name and constraint:
    /// x == "P" gives (P, null); "P *C" parses as P*C; "P(C)" as a call; "P C|D" as a binary |.
    /// force says that a comma follows, so the list must be a type parameter list. keepParens: Go 1.24
    /// keeps the call's parentheses around the constraint, older releases drop them.
    /// </summary>
    private static (Ident? Name, Expr? Type) ExtractName(Expr x, bool force, bool keepParens)
    {
        switch (x)
        {
            case Ident id:
                return (id, null);
            case BinaryExpr b:
                switch (b.Op)
                {
                    case Token.MUL:
                        if (b.X is Ident name && (force || IsTypeElem(b.Y))) return (name, new StarExpr(b.OpPos, b.Y)); // x = name *b.Y
                        break;
                    case Token.OR:
                        var (n, lhs) = ExtractName(b.X, force || IsTypeElem(b.Y), keepParens);
                        if (n != null && lhs != null) return (n, new BinaryExpr(lhs, b.OpPos, b.Op, b.Y)); // x = name lhs|b.Y
                        break;
                }
                break;
            case CallExpr c:
                if (c.Fun is Ident fn && c.Args.Count == 1 && c.EllipsisPos < 0 && (force || IsTypeElem(c.Args[0])))
                    return (fn, keepParens ? new ParenExpr(c.Lparen, c.Args[0], c.Rparen) : c.Args[0]); // x = name "(" arg ")"
                break;
        }
        return (null, x);
    }

    /// <summary>Whether x is (or contains, through | and parentheses) an unmistakable type or a ~ term.</summary>
    private static bool IsTypeElem(Expr x) => x switch
    {
        ArrayType or StructType or FuncType or InterfaceType or MapType or ChanType => true,
        BinaryExpr b => IsTypeElem(b.X) || IsTypeElem(b.Y),
        UnaryExpr u => u.Op == Token.TILDE,
        ParenExpr p => IsTypeElem(p.X),
        _ => false,
    };

    private delegate Spec SpecParser(CommentGroup? doc, int keywordPos, Token keyword, int iota);

    private GenDecl ParseGenDecl(Token keyword, SpecParser f)
    {
        var doc = _leadComment;
        int pos = Expect(keyword);
        int lparen = Node.NoPos, rparen = Node.NoPos;
        var list = new List<Spec>();
        if (_tok == Token.LPAREN)
        {
            lparen = _pos;
            Next();
            for (int iota = 0; _tok != Token.RPAREN && _tok != Token.EOF; iota++) list.Add(f(_leadComment, pos, keyword, iota));
            rparen = Expect(Token.RPAREN);
            ExpectSemi();
        }
        else list.Add(f(null, pos, keyword, 0));
        return new GenDecl { Doc = doc, TokPos = pos, Tok = keyword, Lparen = lparen, Specs = list, Rparen = rparen };
    }

    private FuncDecl ParseFuncDecl()
    {
        var doc = _leadComment;
        int pos = Expect(Token.FUNC);

        FieldList? recv = null;
        if (_tok == Token.LPAREN) recv = ParseParameters(false).Params;

        var ident = ParseIdent();
        var (tparams, prms) = ParseParameters(true);
        if (recv != null && tparams != null)
        {
            // method type parameters are not permitted; drop them to avoid follow-on errors
            Error(tparams.Opening, "method must have no type parameters");
            tparams = null;
        }
        var results = ParseResult();

        BlockStmt? body = null;
        switch (_tok)
        {
            case Token.LBRACE:
                body = ParseBlockStmt();
                ExpectSemi();
                break;
            case Token.SEMICOLON:
                Next();
                if (_tok == Token.LBRACE)
                {
                    // opening { of function declaration on next line
                    Error(_pos, "unexpected semicolon or newline before {");
                    body = ParseBlockStmt();
                    ExpectSemi();
                }
                break;
            default:
                ExpectSemi();
                break;
        }

        return new FuncDecl
        {
            Doc = doc,
            Recv = recv,
            Name = ident,
            Type = new FuncType { Func = pos, TypeParams = tparams, Params = prms, Results = results },
            Body = body,
        };
    }

    private Decl ParseDecl(Func<Token, bool> sync)
    {
        SpecParser f;
        switch (_tok)
        {
            case Token.CONST or Token.VAR:
                f = ParseValueSpec;
                break;
            case Token.TYPE:
                f = ParseTypeSpec;
                break;
            case Token.FUNC:
                return ParseFuncDecl();
            default:
                int pos = _pos;
                ErrorExpected(pos, "declaration");
                Advance(sync);
                return new BadDecl(pos, _pos);
        }
        return ParseGenDecl(_tok, f);
    }

    private Ast.File? ParseFile()
    {
        // don't bother parsing the rest if the start of the file was erroneous
        if (_errors.Count != 0) return null;

        var doc = _leadComment;
        int pos = Expect(Token.PACKAGE);
        var ident = ParseIdent();
        ExpectSemi();
        if (_errors.Count != 0) return null;

        var decls = new List<Decl>();
        while (_tok == Token.IMPORT) decls.Add(ParseGenDecl(Token.IMPORT, ParseImportSpec));
        while (_tok != Token.EOF) decls.Add(ParseDecl(DeclStart));

        return new Ast.File { Doc = doc, Package = pos, Name = ident, Decls = decls, Imports = _imports, Comments = _comments };
    }
}
