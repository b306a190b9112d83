using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

// Expressions: operands, primary expressions (selectors, indexes, slices, calls, composite literals),
// unary and binary expressions.
internal sealed partial class Parser
{
    private Expr ParseFuncTypeOrLit()
    {
        var typ = ParseFuncType();
        if (_tok != Token.LBRACE) return typ; // function type only
        _exprLev++;
        var body = ParseBlockStmt();
        _exprLev--;
        return new FuncLit(typ, body);
    }

    /// <summary>An identifier, literal, parenthesized expression, function literal or type.</summary>
    private Expr ParseOperand()
    {
        switch (_tok)
        {
            case Token.IDENT:
                return ParseIdent();
            case Token.INT or Token.FLOAT or Token.IMAG or Token.CHAR or Token.STRING:
                var lit = MakeBasicLit();
                Next();
                return lit;
            case Token.LPAREN:
                int lparen = _pos;
                Next();
                _exprLev++;
                var x = ParseRhsOrType(); // types may be parenthesized: (some type)
                _exprLev--;
                int rparen = Expect(Token.RPAREN);
                return new ParenExpr(lparen, x, rparen);
            case Token.FUNC:
                return ParseFuncTypeOrLit();
        }

        if (TryIdentOrType() is { } typ) return typ; // could be a type for a conversion or composite literal

        int pos = _pos;
        ErrorExpected(pos, "operand");
        Advance(StmtStart);
        return new BadExpr(pos, _pos);
    }

    private Expr ParseSelector(Expr x) => new SelectorExpr(x, ParseIdent());

    private Expr ParseTypeAssertion(Expr x)
    {
        int lparen = Expect(Token.LPAREN);
        Expr? typ = null;
        if (_tok == Token.TYPE) Next(); // type switch: typ == null
        else typ = ParseType();
        int rparen = Expect(Token.RPAREN);
        return new TypeAssertExpr(x, lparen, typ, rparen);
    }

    private Expr ParseIndexOrSliceOrInstance(Expr x)
    {
        int lbrack = Expect(Token.LBRACK);
        if (_tok == Token.RBRACK)
        {
            // empty index, slice or index expressions are not permitted
            ErrorExpected(_pos, "operand");
            int rb = _pos;
            Next();
            return new IndexExpr(x, lbrack, new BadExpr(rb, rb), rb);
        }
        _exprLev++;

        Expr? index0 = null, index1 = null, index2 = null;
        int colon0 = 0, colon1 = 0;
        List<Expr>? args = null;
        if (_tok != Token.COLON) index0 = ParseRhsOrType();
        int ncolons = 0;
        switch (_tok)
        {
            case Token.COLON:
                // slice expression
                while (_tok == Token.COLON && ncolons < 2)
                {
                    if (ncolons == 0) colon0 = _pos;
                    else colon1 = _pos;
                    ncolons++;
                    Next();
                    if (_tok != Token.COLON && _tok != Token.RBRACK && _tok != Token.EOF)
                    {
                        if (ncolons == 1) index1 = ParseRhs();
                        else index2 = ParseRhs();
                    }
                }
                break;
            case Token.COMMA:
                // instance expression
                args = [index0!];
                while (_tok == Token.COMMA)
                {
                    Next();
                    if (_tok != Token.RBRACK && _tok != Token.EOF) args.Add(ParseType());
                }
                break;
        }

        _exprLev--;
        int rbrack = Expect(Token.RBRACK);

        if (ncolons > 0)
        {
            bool slice3 = false;
            if (ncolons == 2)
            {
                slice3 = true;
                if (index1 == null)
                {
                    Error(colon0, "2nd index required in 3-index slice");
                    index1 = new BadExpr(colon0 + 1, colon1);
                }
                if (index2 == null)
                {
                    Error(colon1, "3rd index required in 3-index slice");
                    index2 = new BadExpr(colon1 + 1, rbrack);
                }
            }
            return new SliceExpr { X = x, Lbrack = lbrack, Low = index0, High = index1, Max = index2, Slice3 = slice3, Rbrack = rbrack };
        }

        if (args == null) return new IndexExpr(x, lbrack, index0!, rbrack);
        return PackIndexExpr(x, lbrack, args, rbrack);
    }

    private CallExpr ParseCallOrConversion(Expr fun)
    {
        int lparen = Expect(Token.LPAREN);
        _exprLev++;
        int mark = _exprs.Mark;
        int ellipsis = Node.NoPos;
        while (_tok != Token.RPAREN && _tok != Token.EOF && ellipsis < 0)
        {
            _exprs.Push(ParseRhsOrType()); // builtins may expect a type: make(some type, ...)
            if (_tok == Token.ELLIPSIS)
            {
                ellipsis = _pos;
                Next();
            }
            if (!AtComma("argument list", Token.RPAREN)) break;
            Next();
        }
        _exprLev--;
        var list = _exprs.PopList(mark);
        int rparen = ExpectClosing(Token.RPAREN, "argument list");
        return new CallExpr { Fun = fun, Lparen = lparen, Args = list, EllipsisPos = ellipsis, Rparen = rparen };
    }

    private Expr ParseValue()
    {
        if (_tok == Token.LBRACE) return ParseLiteralValue(null);
        return CheckExpr(ParseExpr());
    }

    private Expr ParseElement()
    {
        var x = ParseValue();
        if (_tok == Token.COLON)
        {
            int colon = _pos;
            Next();
            x = new KeyValueExpr(x, colon, ParseValue());
        }
        return x;
    }

    private List<Expr> ParseElementList()
    {
        int mark = _exprs.Mark;
        while (_tok != Token.RBRACE && _tok != Token.EOF)
        {
            _exprs.Push(ParseElement());
            if (!AtComma("composite literal", Token.RBRACE)) break;
            Next();
        }
        return _exprs.PopList(mark);
    }

    private Expr ParseLiteralValue(Expr? typ)
    {
        int lbrace = Expect(Token.LBRACE);
        List<Expr> elts = [];
        _exprLev++;
        if (_tok != Token.RBRACE) elts = ParseElementList();
        _exprLev--;
        int rbrace = ExpectClosing(Token.RBRACE, "composite literal");
        return new CompositeLit { Type = typ, Lbrace = lbrace, Elts = elts, Rbrace = rbrace };
    }

    private static Expr Unparen(Expr x)
    {
        while (x is ParenExpr p) x = p.X;
        return x;
    }

    /// <summary>Reports an error when x is a type or another non-expression (Go 1.19; later go/types does).</summary>
    private Expr CheckExpr(Expr x)
    {
        if (!_oldChecks) return x;
        switch (Unparen(x))
        {
            case BadExpr or Ident or BasicLit or FuncLit or CompositeLit or SelectorExpr or IndexExpr or IndexListExpr
                or SliceExpr or TypeAssertExpr or CallExpr or StarExpr or UnaryExpr or BinaryExpr:
                return x;
            default:
                ErrorExpected(x.Pos, "expression");
                return new BadExpr(x.Pos, SafePos(x.End));
        }
    }

    /// <summary>Accepts expressions and types, but not [...]T outside a composite literal (Go 1.19; later go/types does).</summary>
    private Expr CheckExprOrType(Expr x)
    {
        if (_oldChecks && Unparen(x) is ArrayType { Len: Ellipsis len })
        {
            Error(len.Pos, "expected array length, found '...'");
            return new BadExpr(x.Pos, SafePos(x.End));
        }
        return x;
    }

    private Expr ParsePrimaryExpr(Expr? x)
    {
        x ??= ParseOperand();
        int n;
        for (n = 1; ; n++)
        {
            IncNestLev();
            switch (_tok)
            {
                case Token.PERIOD:
                    Next();
                    switch (_tok)
                    {
                        case Token.IDENT:
                            x = ParseSelector(CheckExprOrType(x));
                            break;
                        case Token.LPAREN:
                            x = ParseTypeAssertion(CheckExpr(x));
                            break;
                        default:
                            int pos = _pos;
                            ErrorExpected(pos, "selector or type assertion");
                            if (_tok != Token.RBRACE) Next(); // make progress
                            x = new SelectorExpr(x, new Ident(pos, "_"));
                            break;
                    }
                    break;
                case Token.LBRACK:
                    x = ParseIndexOrSliceOrInstance(CheckExpr(x));
                    break;
                case Token.LPAREN:
                    x = ParseCallOrConversion(CheckExprOrType(x));
                    break;
                case Token.LBRACE:
                    // a composite literal, if x can be its type
                    var t = Unparen(x);
                    switch (t)
                    {
                        case BadExpr or Ident or SelectorExpr or IndexExpr or IndexListExpr:
                            if (_exprLev < 0)
                            {
                                _nestLev -= n;
                                return x; // in a control clause: a block, not a literal
                            }
                            break;
                        case ArrayType or StructType or MapType:
                            break;
                        default:
                            _nestLev -= n;
                            return x;
                    }
                    if (!ReferenceEquals(t, x)) Error(t.Pos, "cannot parenthesize type in composite literal");
                    x = ParseLiteralValue(x);
                    break;
                default:
                    _nestLev -= n;
                    return x;
            }
        }
    }

    private Expr ParseUnaryExpr()
    {
        IncNestLev();
        try
        {
            switch (_tok)
            {
                case Token.ADD or Token.SUB or Token.NOT or Token.XOR or Token.AND or Token.TILDE:
                {
                    int pos = _pos;
                    var op = _tok;
                    Next();
                    var x = ParseUnaryExpr();
                    return new UnaryExpr(pos, op, CheckExpr(x));
                }
                case Token.ARROW:
                {
                    // channel type or receive expression
                    int arrow = _pos;
                    Next();
                    var x = ParseUnaryExpr();
                    if (x is ChanType typ)
                    {
                        // <-chan T: re-associate the arrows of nested channel types
                        var dir = ChanDir.Send;
                        bool ok = true;
                        while (ok && dir == ChanDir.Send)
                        {
                            if (typ.Dir == ChanDir.Recv) ErrorExpected(typ.Arrow, "'chan'"); // <-chan <-chan T: error
                            (arrow, typ.Begin, typ.Arrow) = (typ.Arrow, arrow, arrow);
                            (dir, typ.Dir) = (typ.Dir, ChanDir.Recv);
                            if (typ.Value is ChanType inner) typ = inner;
                            else ok = false;
                        }
                        if (dir == ChanDir.Send) ErrorExpected(arrow, "channel type");
                        return x;
                    }
                    return new UnaryExpr(arrow, Token.ARROW, CheckExpr(x));
                }
                case Token.MUL:
                {
                    int pos = _pos;
                    Next();
                    var x = ParseUnaryExpr();
                    return new StarExpr(pos, CheckExprOrType(x));
                }
            }
            return ParsePrimaryExpr(null);
        }
        finally
        {
            DecNestLev();
        }
    }

    private (Token, int) TokPrec()
    {
        var tok = _tok;
        if (_inRhs && tok == Token.ASSIGN) tok = Token.EQL;
        return (tok, tok.Precedence());
    }

    private Expr ParseBinaryExpr(Expr? x, int prec1, bool check)
    {
        x ??= ParseUnaryExpr();
        int n;
        for (n = 1; ; n++)
        {
            IncNestLev();
            var (op, oprec) = TokPrec();
            if (oprec < prec1)
            {
                _nestLev -= n;
                return x;
            }
            int pos = Expect(op);
            var y = ParseBinaryExpr(null, oprec + 1, check);
            if (check)
            {
                x = CheckExpr(x);
                y = CheckExpr(y);
            }
            x = new BinaryExpr(x, pos, op, y);
        }
    }

    private Expr ParseExpr() => ParseBinaryExpr(null, Tokens.LowestPrec + 1, true);

    private Expr ParseRhs()
    {
        bool old = _inRhs;
        _inRhs = true;
        var x = CheckExpr(ParseExpr());
        _inRhs = old;
        return x;
    }

    private Expr ParseRhsOrType()
    {
        bool old = _inRhs;
        _inRhs = true;
        var x = CheckExprOrType(ParseExpr());
        _inRhs = old;
        return x;
    }
}
