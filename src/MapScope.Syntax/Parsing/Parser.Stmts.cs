using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

// Statements: simple statements, blocks, if/switch/select/for, branches.
internal sealed partial class Parser
{
    private enum SimpleMode { Basic, LabelOk, RangeOk }

    private List<Stmt> ParseStmtList()
    {
        int mark = _stmts.Mark;
        while (_tok != Token.CASE && _tok != Token.DEFAULT && _tok != Token.RBRACE && _tok != Token.EOF)
            _stmts.Push(ParseStmt());
        return _stmts.PopList(mark);
    }

    private BlockStmt ParseBlockStmt()
    {
        int lbrace = Expect(Token.LBRACE);
        var list = ParseStmtList();
        int rbrace = Expect2(Token.RBRACE);
        return new BlockStmt(lbrace, list, rbrace);
    }

    /// <summary>Parses a simple statement; the bool tells whether it is a range clause.</summary>
    private (Stmt, bool) ParseSimpleStmt(SimpleMode mode)
    {
        var x = ParseList(false);

        switch (_tok)
        {
            case Token.DEFINE or Token.ASSIGN or Token.ADD_ASSIGN or Token.SUB_ASSIGN or Token.MUL_ASSIGN
                or Token.QUO_ASSIGN or Token.REM_ASSIGN or Token.AND_ASSIGN or Token.OR_ASSIGN or Token.XOR_ASSIGN
                or Token.SHL_ASSIGN or Token.SHR_ASSIGN or Token.AND_NOT_ASSIGN:
            {
                int pos = _pos;
                var tok = _tok;
                Next();
                List<Expr> y;
                bool isRange = false;
                if (mode == SimpleMode.RangeOk && _tok == Token.RANGE && tok is Token.DEFINE or Token.ASSIGN)
                {
                    int rpos = _pos;
                    Next();
                    y = [new UnaryExpr(rpos, Token.RANGE, ParseRhs())];
                    isRange = true;
                }
                else y = ParseList(true);
                var a = new AssignStmt(x, pos, tok, y);
                if (tok == Token.DEFINE) CheckAssignStmt(a);
                return (a, isRange);
            }
        }

        if (x.Count > 1) ErrorExpected(x[0].Pos, "1 expression"); // continue with first expression

        switch (_tok)
        {
            case Token.COLON:
            {
                int colon = _pos;
                Next();
                if (mode == SimpleMode.LabelOk && x[0] is Ident label)
                {
                    // a labeled statement; Go spec: the scope of a label is the body of the function
                    return (new LabeledStmt(label, colon, ParseStmt()), false);
                }
                Error(colon, "illegal label declaration");
                return (new BadStmt(x[0].Pos, colon + 1), false);
            }
            case Token.ARROW:
            {
                int arrow = _pos;
                Next();
                var y = ParseRhs();
                return (new SendStmt(x[0], arrow, y), false);
            }
            case Token.INC or Token.DEC:
            {
                var s = new IncDecStmt(x[0], _pos, _tok);
                Next();
                return (s, false);
            }
        }
        return (new ExprStmt(x[0]), false);
    }

    private void CheckAssignStmt(AssignStmt a)
    {
        if (!_oldChecks) return; // left to go/types after Go 1.19
        foreach (var x in a.Lhs)
            if (x is not Ident) ErrorExpected(x.Pos, "identifier on left side of :=");
    }

    private CallExpr? ParseCallExpr(string callType)
    {
        var x = ParseRhsOrType(); // could be a conversion: (some type)(x)
        if (x is CallExpr call) return call;
        if (x is not BadExpr) Error(SafePos(x.End), $"function must be invoked in {callType} statement");
        return null;
    }

    private Stmt ParseGoStmt()
    {
        int pos = Expect(Token.GO);
        var call = ParseCallExpr("go");
        ExpectSemi();
        return call == null ? new BadStmt(pos, pos + 2) : new GoStmt(pos, call);
    }

    private Stmt ParseDeferStmt()
    {
        int pos = Expect(Token.DEFER);
        var call = ParseCallExpr("defer");
        ExpectSemi();
        return call == null ? new BadStmt(pos, pos + 5) : new DeferStmt(pos, call);
    }

    private ReturnStmt ParseReturnStmt()
    {
        int pos = _pos;
        Expect(Token.RETURN);
        List<Expr>? x = null;
        if (_tok != Token.SEMICOLON && _tok != Token.RBRACE) x = ParseList(true);
        ExpectSemi();
        return new ReturnStmt(pos, x);
    }

    private BranchStmt ParseBranchStmt(Token tok)
    {
        int pos = Expect(tok);
        Ident? label = null;
        if (tok != Token.FALLTHROUGH && _tok == Token.IDENT) label = ParseIdent();
        ExpectSemi();
        return new BranchStmt(pos, tok, label);
    }

    private Expr? MakeExpr(Stmt? s, string want)
    {
        if (s == null) return null;
        if (s is ExprStmt es) return CheckExpr(es.X);
        var found = s is AssignStmt ? "assignment" : "simple statement";
        Error(s.Pos, $"expected {want}, found {found} (missing parentheses around composite literal?)");
        return new BadExpr(s.Pos, SafePos(s.End));
    }

    private (Stmt? Init, Expr Cond) ParseIfHeader()
    {
        if (_tok == Token.LBRACE)
        {
            Error(_pos, "missing condition in if statement");
            return (null, new BadExpr(_pos, _pos));
        }

        int prevLev = _exprLev;
        _exprLev = -1;

        Stmt? init = null;
        if (_tok != Token.SEMICOLON)
        {
            // accept potential variable declaration but complain
            if (_tok == Token.VAR)
            {
                Next();
                Error(_pos, "var declaration not allowed in 'IF' initializer");
            }
            (init, _) = ParseSimpleStmt(SimpleMode.Basic);
        }

        Stmt? condStmt = null;
        int semiPos = Node.NoPos;
        bool semiNewline = false;
        if (_tok != Token.LBRACE)
        {
            if (_tok == Token.SEMICOLON)
            {
                semiPos = _pos;
                semiNewline = SemiIsNewline;
                Next();
            }
            else Expect(Token.SEMICOLON);
            if (_tok != Token.LBRACE) (condStmt, _) = ParseSimpleStmt(SimpleMode.Basic);
        }
        else
        {
            condStmt = init;
            init = null;
        }

        Expr? cond = null;
        if (condStmt != null) cond = MakeExpr(condStmt, "boolean expression");
        else if (semiPos >= 0)
            Error(semiPos, semiNewline ? "unexpected newline, expecting { after if clause" : "missing condition in if statement");

        // make sure we have a valid AST
        cond ??= new BadExpr(_pos, _pos);
        _exprLev = prevLev;
        return (init, cond);
    }

    private IfStmt ParseIfStmt()
    {
        IncNestLev();
        try
        {
            int pos = Expect(Token.IF);
            var (init, cond) = ParseIfHeader();
            var body = ParseBlockStmt();
            Stmt? elseStmt = null;
            if (_tok == Token.ELSE)
            {
                Next();
                switch (_tok)
                {
                    case Token.IF:
                        elseStmt = ParseIfStmt();
                        break;
                    case Token.LBRACE:
                        elseStmt = ParseBlockStmt();
                        ExpectSemi();
                        break;
                    default:
                        ErrorExpected(_pos, "if statement or block");
                        elseStmt = new BadStmt(_pos, _pos);
                        break;
                }
            }
            else ExpectSemi();
            return new IfStmt { If = pos, Init = init, Cond = cond, Body = body, Else = elseStmt };
        }
        finally
        {
            DecNestLev();
        }
    }

    private List<Expr> ParseTypeList()
    {
        int mark = _exprs.Mark;
        _exprs.Push(ParseType());
        while (_tok == Token.COMMA)
        {
            Next();
            _exprs.Push(ParseType());
        }
        return _exprs.PopList(mark);
    }

    private CaseClause ParseCaseClause(bool typeSwitch)
    {
        int pos = _pos;
        List<Expr>? list = null;
        if (_tok == Token.CASE)
        {
            Next();
            // Go 1.19 wants types here; later releases parse expressions and let go/types judge them
            list = typeSwitch && _oldChecks ? ParseTypeList() : ParseList(true);
        }
        else Expect(Token.DEFAULT);
        int colon = Expect(Token.COLON);
        var body = ParseStmtList();
        return new CaseClause(pos, list, colon, body);
    }

    private static bool IsTypeSwitchAssert(Expr x) => x is TypeAssertExpr { Type: null };

    private bool IsTypeSwitchGuard(Stmt? s)
    {
        switch (s)
        {
            case ExprStmt e:
                return IsTypeSwitchAssert(e.X); // x.(type)
            case AssignStmt a:
                if (a.Lhs.Count == 1 && a.Rhs.Count == 1 && IsTypeSwitchAssert(a.Rhs[0]))
                {
                    switch (a.Tok)
                    {
                        case Token.ASSIGN:
                            Error(a.TokPos, "expected ':=', found '='"); // permit v = x.(type) but complain
                            return true;
                        case Token.DEFINE:
                            return true; // v := x.(type)
                    }
                }
                break;
        }
        return false;
    }

    private Stmt ParseSwitchStmt()
    {
        int pos = Expect(Token.SWITCH);
        Stmt? s1 = null, s2 = null;
        if (_tok != Token.LBRACE)
        {
            int prevLev = _exprLev;
            _exprLev = -1;
            if (_tok != Token.SEMICOLON) (s2, _) = ParseSimpleStmt(SimpleMode.Basic);
            if (_tok == Token.SEMICOLON)
            {
                Next();
                s1 = s2;
                s2 = null;
                if (_tok != Token.LBRACE) (s2, _) = ParseSimpleStmt(SimpleMode.Basic);
            }
            _exprLev = prevLev;
        }

        bool typeSwitch = IsTypeSwitchGuard(s2);
        int lbrace = Expect(Token.LBRACE);
        int mark = _stmts.Mark;
        while (_tok is Token.CASE or Token.DEFAULT) _stmts.Push(ParseCaseClause(typeSwitch));
        var list = _stmts.PopList(mark);
        int rbrace = Expect(Token.RBRACE);
        ExpectSemi();
        var body = new BlockStmt(lbrace, list, rbrace);

        if (typeSwitch) return new TypeSwitchStmt { Switch = pos, Init = s1, Assign = s2!, Body = body };
        return new SwitchStmt { Switch = pos, Init = s1, Tag = MakeExpr(s2, "switch expression"), Body = body };
    }

    private CommClause ParseCommClause()
    {
        int pos = _pos;
        Stmt? comm = null;
        if (_tok == Token.CASE)
        {
            Next();
            var lhs = ParseList(false);
            if (_tok == Token.ARROW)
            {
                // send
                if (lhs.Count > 1) ErrorExpected(lhs[0].Pos, "1 expression");
                int arrow = _pos;
                Next();
                var rhs = ParseRhs();
                comm = new SendStmt(lhs[0], arrow, rhs);
            }
            else if (_tok is Token.ASSIGN or Token.DEFINE)
            {
                // receive with assignment: lhs = <-x or lhs := <-x
                var tok = _tok;
                if (lhs.Count > 2)
                {
                    ErrorExpected(lhs[0].Pos, "1 or 2 expressions");
                    lhs = lhs[0..2];
                }
                int apos = _pos;
                Next();
                var rhs = ParseRhs();
                var a = new AssignStmt(lhs, apos, tok, [rhs]);
                if (tok == Token.DEFINE) CheckAssignStmt(a);
                comm = a;
            }
            else
            {
                if (lhs.Count > 1) ErrorExpected(lhs[0].Pos, "1 expression");
                comm = new ExprStmt(lhs[0]);
            }
        }
        else Expect(Token.DEFAULT);

        int colon = Expect(Token.COLON);
        var body = ParseStmtList();
        return new CommClause(pos, comm, colon, body);
    }

    private SelectStmt ParseSelectStmt()
    {
        int pos = Expect(Token.SELECT);
        int lbrace = Expect(Token.LBRACE);
        int mark = _stmts.Mark;
        while (_tok is Token.CASE or Token.DEFAULT) _stmts.Push(ParseCommClause());
        var list = _stmts.PopList(mark);
        int rbrace = Expect(Token.RBRACE);
        ExpectSemi();
        return new SelectStmt(pos, new BlockStmt(lbrace, list, rbrace));
    }

    private Stmt ParseForStmt()
    {
        int pos = Expect(Token.FOR);
        Stmt? s1 = null, s2 = null, s3 = null;
        bool isRange = false;
        if (_tok != Token.LBRACE)
        {
            int prevLev = _exprLev;
            _exprLev = -1;
            if (_tok != Token.SEMICOLON)
            {
                if (_tok == Token.RANGE)
                {
                    // for range x (nil lhs in assignment)
                    int rpos = _pos;
                    Next();
                    s2 = new AssignStmt([], Node.NoPos, Token.ILLEGAL, [new UnaryExpr(rpos, Token.RANGE, ParseRhs())]);
                    isRange = true;
                }
                else (s2, isRange) = ParseSimpleStmt(SimpleMode.RangeOk);
            }
            if (!isRange && _tok == Token.SEMICOLON)
            {
                Next();
                s1 = s2;
                s2 = null;
                if (_tok != Token.SEMICOLON) (s2, _) = ParseSimpleStmt(SimpleMode.Basic);
                ExpectSemi();
                if (_tok != Token.LBRACE) (s3, _) = ParseSimpleStmt(SimpleMode.Basic);
            }
            _exprLev = prevLev;
        }

        var body = ParseBlockStmt();
        ExpectSemi();

        if (isRange)
        {
            var a = (AssignStmt)s2!;
            Expr? key = null, value = null;
            switch (a.Lhs.Count)
            {
                case 0: break;
                case 1: key = a.Lhs[0]; break;
                case 2: key = a.Lhs[0]; value = a.Lhs[1]; break;
                default:
                    ErrorExpected(a.Lhs[^1].Pos, "at most 2 expressions");
                    return new BadStmt(pos, SafePos(body.End));
            }
            var x = ((UnaryExpr)a.Rhs[0]).X;
            return new RangeStmt { For = pos, Key = key, Value = value, TokPos = a.TokPos, Tok = a.Tok, X = x, Body = body };
        }

        return new ForStmt { For = pos, Init = s1, Cond = MakeExpr(s2, "boolean or range expression"), Post = s3, Body = body };
    }

    private Stmt ParseStmt()
    {
        IncNestLev();
        try
        {
            Stmt s;
            switch (_tok)
            {
                case Token.CONST or Token.TYPE or Token.VAR:
                    s = new DeclStmt(ParseDecl(StmtStart));
                    break;
                case Token.IDENT or Token.INT or Token.FLOAT or Token.IMAG or Token.CHAR or Token.STRING or Token.FUNC
                    or Token.LPAREN // operands
                    or Token.LBRACK or Token.STRUCT or Token.MAP or Token.CHAN or Token.INTERFACE // composite types
                    or Token.ADD or Token.SUB or Token.MUL or Token.AND or Token.XOR or Token.ARROW or Token.NOT: // unary operators
                    (s, _) = ParseSimpleStmt(SimpleMode.LabelOk);
                    // a labeled statement ended with its inner statement's semicolon
                    if (s is not LabeledStmt) ExpectSemi();
                    break;
                case Token.GO:
                    s = ParseGoStmt();
                    break;
                case Token.DEFER:
                    s = ParseDeferStmt();
                    break;
                case Token.RETURN:
                    s = ParseReturnStmt();
                    break;
                case Token.BREAK or Token.CONTINUE or Token.GOTO or Token.FALLTHROUGH:
                    s = ParseBranchStmt(_tok);
                    break;
                case Token.LBRACE:
                    s = ParseBlockStmt();
                    ExpectSemi();
                    break;
                case Token.IF:
                    s = ParseIfStmt();
                    break;
                case Token.SWITCH:
                    s = ParseSwitchStmt();
                    break;
                case Token.SELECT:
                    s = ParseSelectStmt();
                    break;
                case Token.FOR:
                    s = ParseForStmt();
                    break;
                case Token.SEMICOLON:
                    // an explicit ";" or one inserted at a newline
                    s = new EmptyStmt(_pos, SemiIsNewline);
                    Next();
                    break;
                case Token.RBRACE:
                    // a semicolon may be omitted before a closing "}"
                    s = new EmptyStmt(_pos, true);
                    break;
                default:
                    int pos = _pos;
                    ErrorExpected(pos, "statement");
                    Advance(StmtStart);
                    s = new BadStmt(pos, _pos);
                    break;
            }
            return s;
        }
        finally
        {
            DecNestLev();
        }
    }
}
