using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

// Types: names, instantiations, arrays, structs, pointers, functions, interfaces, maps, channels.
internal sealed partial class Parser
{
    private Expr ParseType()
    {
        var typ = TryIdentOrType();
        if (typ == null)
        {
            int pos = _pos;
            ErrorExpected(pos, "type");
            Advance(ExprEnd);
            return new BadExpr(pos, _pos);
        }
        return typ;
    }

    private Expr ParseQualifiedIdent(Ident? ident)
    {
        var typ = ParseTypeName(ident);
        if (_tok == Token.LBRACK) typ = ParseTypeInstance(typ);
        return typ;
    }

    private Expr ParseTypeName(Ident? ident)
    {
        ident ??= ParseIdent();
        if (_tok == Token.PERIOD)
        {
            Next();
            var sel = ParseIdent();
            return new SelectorExpr(ident, sel);
        }
        return ident;
    }

    /// <summary>"[" has been consumed; len is the already parsed length expression, if any.</summary>
    private ArrayType ParseArrayType(int lbrack, Expr? len)
    {
        if (len == null)
        {
            _exprLev++;
            if (_tok == Token.ELLIPSIS)
            {
                len = new Ellipsis(_pos, null);
                Next();
            }
            else if (_tok != Token.RBRACK)
            {
                len = ParseRhs();
            }
            _exprLev--;
        }
        if (_tok == Token.COMMA)
        {
            // [a, b]T: a type parameter list or instantiation where an array was expected
            Error(_pos, "unexpected comma; expecting ]");
            Next();
        }
        Expect(Token.RBRACK);
        var elt = ParseType();
        return new ArrayType(lbrack, len, elt);
    }

    /// <summary>After "x[": an array field "x [N]T" or an embedded instantiated type "x[A, B]".</summary>
    private (Ident?, Expr) ParseArrayFieldOrTypeInstance(Ident x)
    {
        int lbrack = Expect(Token.LBRACK);
        var args = new List<Expr>();
        int trailingComma = Node.NoPos; // after Go 1.19: "x[P,]" is an instantiation with a trailing comma
        if (_tok != Token.RBRACK)
        {
            _exprLev++;
            args.Add(ParseRhsOrType());
            while (_tok == Token.COMMA)
            {
                int comma = _pos;
                Next();
                if (!_oldChecks && _tok == Token.RBRACK)
                {
                    trailingComma = comma;
                    break;
                }
                args.Add(ParseRhsOrType());
            }
            _exprLev--;
        }
        int rbrack = Expect(Token.RBRACK);
        if (args.Count == 0)
        {
            // x []E
            var elt = ParseType();
            return (x, new ArrayType(lbrack, null, elt));
        }
        if (args.Count == 1)
        {
            var elt = TryIdentOrType();
            if (elt != null)
            {
                // x [P]E; an array length takes no trailing comma
                if (trailingComma != Node.NoPos) Error(trailingComma, "unexpected comma; expecting ]");
                return (x, new ArrayType(lbrack, args[0], elt));
            }
        }
        return (null, PackIndexExpr(x, lbrack, args, rbrack));
    }

    private static Expr PackIndexExpr(Expr x, int lbrack, List<Expr> exprs, int rbrack) =>
        exprs.Count == 1 ? new IndexExpr(x, lbrack, exprs[0], rbrack) : new IndexListExpr(x, lbrack, exprs, rbrack);

    private Field ParseFieldDecl()
    {
        var doc = _leadComment;
        List<Ident>? names = null;
        Expr? typ;
        if (_tok == Token.IDENT)
        {
            var name = ParseIdent();
            if (_tok is Token.PERIOD or Token.STRING or Token.SEMICOLON or Token.RBRACE)
            {
                // embedded type
                typ = name;
                if (_tok == Token.PERIOD) typ = ParseQualifiedIdent(name);
            }
            else
            {
                names = [name];
                while (_tok == Token.COMMA)
                {
                    Next();
                    names.Add(ParseIdent());
                }
                if (names.Count == 1 && _tok == Token.LBRACK)
                {
                    (var n, typ) = ParseArrayFieldOrTypeInstance(name);
                    if (n == null) names = null;
                }
                else typ = ParseType();
            }
        }
        else if (_oldChecks)
        {
            typ = ParseType(); // embedded, possibly *T or (T); Go 1.19 takes any type here
        }
        else
        {
            typ = ParseEmbeddedTypeName();
        }

        BasicLit? tag = null;
        if (_tok == Token.STRING)
        {
            tag = MakeBasicLit();
            Next();
        }
        ExpectSemi();
        return new Field { Doc = doc, Names = names, Type = typ, Tag = tag, Comment = _lineComment };
    }

    /// <summary>
    /// After Go 1.19: an embedded field that starts with '*' or '(' must be a (pointer to a) type name;
    /// parentheses are an error but parsed through, like go/parser.
    /// </summary>
    private Expr ParseEmbeddedTypeName()
    {
        if (_tok == Token.MUL)
        {
            int star = _pos;
            Next();
            Expr typ;
            if (_tok == Token.LPAREN)
            {
                // *(T)
                Error(_pos, "cannot parenthesize embedded type");
                Next();
                typ = ParseQualifiedIdent(null);
                if (_tok == Token.RPAREN) Next(); // no need to complain about a missing ')'
            }
            else typ = ParseQualifiedIdent(null); // *T
            return new StarExpr(star, typ);
        }
        if (_tok == Token.LPAREN)
        {
            Error(_pos, "cannot parenthesize embedded type");
            Next();
            Expr typ;
            if (_tok == Token.MUL)
            {
                // (*T)
                int star = _pos;
                Next();
                typ = new StarExpr(star, ParseQualifiedIdent(null));
            }
            else typ = ParseQualifiedIdent(null); // (T)
            if (_tok == Token.RPAREN) Next();
            return typ;
        }
        // ParseStructType calls us only on IDENT, '*' or '('
        int pos = _pos;
        ErrorExpected(pos, "field name or embedded type");
        Advance(ExprEnd);
        return new BadExpr(pos, _pos);
    }

    private StructType ParseStructType()
    {
        int pos = Expect(Token.STRUCT);
        int lbrace = Expect(Token.LBRACE);
        var list = new List<Field>();
        while (_tok is Token.IDENT or Token.MUL or Token.LPAREN) list.Add(ParseFieldDecl());
        int rbrace = Expect(Token.RBRACE);
        return new StructType(pos, new FieldList { Opening = lbrace, List = list, Closing = rbrace });
    }

    private StarExpr ParsePointerType()
    {
        int star = Expect(Token.MUL);
        var bas = ParseType();
        return new StarExpr(star, bas);
    }

    private Ellipsis ParseDotsType()
    {
        int pos = Expect(Token.ELLIPSIS);
        var elt = ParseType();
        return new Ellipsis(pos, elt);
    }

    private (Ident? Name, Expr? Type) ParseParamDecl(Ident? name, bool typeSetsOK)
    {
        Ident? fname = null;
        Expr? ftyp = null;
        if (name == null && typeSetsOK && _tok == Token.TILDE) return (null, EmbeddedElem(null));

        if (name != null || _tok == Token.IDENT)
        {
            fname = name ?? ParseIdent();
            switch (_tok)
            {
                case Token.IDENT or Token.MUL or Token.ARROW or Token.FUNC or Token.CHAN or Token.MAP
                    or Token.STRUCT or Token.INTERFACE or Token.LPAREN:
                    ftyp = ParseType(); // name type
                    break;
                case Token.LBRACK:
                    (fname, ftyp) = ParseArrayFieldOrTypeInstance(fname!); // name "[" type1, ..., typeN "]" or name "[" n "]" type
                    break;
                case Token.ELLIPSIS:
                    return (fname, ParseDotsType()); // name "..." type; no type set after it
                case Token.PERIOD:
                    ftyp = ParseQualifiedIdent(fname); // name "." ...
                    fname = null;
                    break;
                case Token.TILDE:
                    if (typeSetsOK) return (fname, EmbeddedElem(null));
                    break;
                case Token.OR:
                    if (typeSetsOK) return (null, EmbeddedElem(fname));
                    break;
            }
        }
        else
        {
            switch (_tok)
            {
                case Token.MUL or Token.ARROW or Token.FUNC or Token.LBRACK or Token.CHAN or Token.MAP
                    or Token.STRUCT or Token.INTERFACE or Token.LPAREN:
                    ftyp = ParseType();
                    break;
                case Token.ELLIPSIS:
                    return (null, ParseDotsType());
                default:
                    ErrorExpected(_pos, "')'");
                    Advance(ExprEnd);
                    break;
            }
        }

        if (typeSetsOK && _tok == Token.OR && ftyp != null) ftyp = EmbeddedElem(ftyp);
        return (fname, ftyp);
    }

    private List<Field> ParseParameterList(Ident? name0, Expr? typ0, Token closing)
    {
        bool tparams = closing == Token.RBRACK;
        bool typeSetsOK = tparams;
        int pos = name0?.Pos ?? _pos;

        var list = new List<(Ident? Name, Expr? Type)>();
        int named = 0; // parameters with an explicit name and type
        while (name0 != null || _tok != closing && _tok != Token.EOF)
        {
            (Ident? Name, Expr? Type) par;
            if (typ0 != null)
            {
                if (typeSetsOK) typ0 = EmbeddedElem(typ0);
                par = (name0, typ0);
            }
            else par = ParseParamDecl(name0, typeSetsOK);
            name0 = null;
            typ0 = null;
            if (par.Name != null || par.Type != null)
            {
                list.Add(par);
                if (par.Name != null && par.Type != null) named++;
            }
            if (!AtComma("parameter list", closing)) break;
            Next();
        }

        var result = new List<Field>();
        if (list.Count == 0) return result;

        if (named == 0)
        {
            // all unnamed: the names are types
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i].Name is { } t) list[i] = (null, t);
            }
            if (tparams) Error(pos, "all type parameters must be named");
        }
        else if (named != list.Count)
        {
            // some named: distribute types backwards over the names without one
            bool ok = true;
            Expr? typ = null;
            int missingName = pos;
            for (int i = list.Count - 1; i >= 0; i--)
            {
                var par = list[i];
                if (par.Type != null)
                {
                    typ = par.Type;
                    if (par.Name == null)
                    {
                        ok = false;
                        missingName = par.Type.Pos;
                        list[i] = (new Ident(typ.Pos, "_"), par.Type);
                    }
                }
                else if (typ != null)
                {
                    list[i] = (par.Name, typ);
                }
                else
                {
                    ok = false;
                    missingName = par.Name!.Pos;
                    list[i] = (par.Name, new BadExpr(par.Name.Pos, _pos));
                }
            }
            if (!ok) Error(tparams ? missingName : pos, tparams ? "all type parameters must be named" : "mixed named and unnamed parameters");
        }

        if (named == 0)
        {
            foreach (var par in list) result.Add(new Field { Type = par.Type });
            return result;
        }

        // group consecutive names sharing one type into a field
        List<Ident>? names = null;
        Expr? current = null;
        foreach (var par in list)
        {
            if (!ReferenceEquals(par.Type, current))
            {
                if (names is { Count: > 0 }) result.Add(new Field { Names = names, Type = current });
                names = null;
                current = par.Type;
            }
            (names ??= []).Add(par.Name!);
        }
        if (names is { Count: > 0 }) result.Add(new Field { Names = names, Type = current });
        return result;
    }

    private (FieldList? TypeParams, FieldList Params) ParseParameters(bool acceptTParams)
    {
        FieldList? tparams = null;
        if (acceptTParams && _tok == Token.LBRACK)
        {
            int opening = _pos;
            Next();
            var tlist = ParseParameterList(null, null, Token.RBRACK);
            int rbrack = Expect(Token.RBRACK);
            tparams = new FieldList { Opening = opening, List = tlist, Closing = rbrack };
            if (tparams.NumFields() == 0)
            {
                Error(tparams.Closing, "empty type parameter list");
                tparams = null;
            }
        }

        int lparen = Expect(Token.LPAREN);
        var fields = _tok != Token.RPAREN ? ParseParameterList(null, null, Token.RPAREN) : [];
        int rparen = Expect(Token.RPAREN);
        return (tparams, new FieldList { Opening = lparen, List = fields, Closing = rparen });
    }

    private FieldList? ParseResult()
    {
        if (_tok == Token.LPAREN) return ParseParameters(false).Params;
        var typ = TryIdentOrType();
        if (typ != null) return new FieldList { List = [new Field { Type = typ }] };
        return null;
    }

    private FuncType ParseFuncType()
    {
        int pos = Expect(Token.FUNC);
        var (tparams, prms) = ParseParameters(true);
        if (tparams != null) Error(tparams.Pos, "function type must have no type parameters");
        var results = ParseResult();
        return new FuncType { Func = pos, Params = prms, Results = results };
    }

    private Field ParseMethodSpec()
    {
        var doc = _leadComment;
        List<Ident>? idents = null;
        Expr typ;
        var x = ParseTypeName(null);
        if (x is Ident ident)
        {
            if (_tok == Token.LBRACK)
            {
                // generic method m[T any](...) (an error) or embedded instantiated type I[T]
                int lbrack = _pos;
                Next();
                _exprLev++;
                var x0 = ParseExpr();
                _exprLev--;
                if (x0 is Ident name0 && _tok != Token.COMMA && _tok != Token.RBRACK)
                {
                    _ = ParseParameterList(name0, null, Token.RBRACK);
                    Expect(Token.RBRACK);
                    Error(lbrack, "interface method must have no type parameters");
                    var (_, prms) = ParseParameters(false);
                    var results = ParseResult();
                    idents = [ident];
                    typ = new FuncType { Func = Node.NoPos, Params = prms, Results = results };
                }
                else
                {
                    var list = new List<Expr> { x0 };
                    if (AtComma("type argument list", Token.RBRACK))
                    {
                        _exprLev++;
                        Next();
                        while (_tok != Token.RBRACK && _tok != Token.EOF)
                        {
                            list.Add(ParseType());
                            if (!AtComma("type argument list", Token.RBRACK)) break;
                            Next();
                        }
                        _exprLev--;
                    }
                    int rbrack = ExpectClosing(Token.RBRACK, "type argument list");
                    typ = PackIndexExpr(ident, lbrack, list, rbrack);
                }
            }
            else if (_tok == Token.LPAREN)
            {
                var (_, prms) = ParseParameters(false);
                var results = ParseResult();
                idents = [ident];
                typ = new FuncType { Func = Node.NoPos, Params = prms, Results = results };
            }
            else
            {
                typ = x; // embedded interface
            }
        }
        else
        {
            typ = x; // qualified embedded interface
            if (_tok == Token.LBRACK) typ = ParseTypeInstance(typ);
        }
        return new Field { Doc = doc, Names = idents, Type = typ };
    }

    private Expr EmbeddedElem(Expr? x)
    {
        x ??= EmbeddedTerm();
        while (_tok == Token.OR)
        {
            int opPos = _pos;
            Next();
            var y = EmbeddedTerm();
            x = new BinaryExpr(x, opPos, Token.OR, y);
        }
        return x;
    }

    private Expr EmbeddedTerm()
    {
        if (_tok == Token.TILDE)
        {
            int opPos = _pos;
            Next();
            var t = ParseType();
            return new UnaryExpr(opPos, Token.TILDE, t);
        }
        var typ = TryIdentOrType();
        if (typ == null)
        {
            int pos = _pos;
            ErrorExpected(pos, "~ term or type");
            Advance(ExprEnd);
            return new BadExpr(pos, _pos);
        }
        return typ;
    }

    private InterfaceType ParseInterfaceType()
    {
        int pos = Expect(Token.INTERFACE);
        int lbrace = Expect(Token.LBRACE);
        var list = new List<Field>();
        while (true)
        {
            if (_tok == Token.IDENT)
            {
                var f = ParseMethodSpec();
                if (f.Names == null) f.Type = EmbeddedElem(f.Type);
                ExpectSemi();
                f.Comment = _lineComment;
                list.Add(f);
            }
            else if (_tok == Token.TILDE)
            {
                var typ = EmbeddedElem(null);
                ExpectSemi();
                list.Add(new Field { Type = typ, Comment = _lineComment });
            }
            else if (TryIdentOrType() is { } t)
            {
                var typ = EmbeddedElem(t);
                ExpectSemi();
                list.Add(new Field { Type = typ, Comment = _lineComment });
            }
            else break;
        }
        int rbrace = Expect(Token.RBRACE);
        return new InterfaceType(pos, new FieldList { Opening = lbrace, List = list, Closing = rbrace });
    }

    private MapType ParseMapType()
    {
        int pos = Expect(Token.MAP);
        Expect(Token.LBRACK);
        var key = ParseType();
        Expect(Token.RBRACK);
        var value = ParseType();
        return new MapType(pos, key, value);
    }

    private ChanType ParseChanType()
    {
        int pos = _pos;
        var dir = ChanDir.Send | ChanDir.Recv;
        int arrow = Node.NoPos;
        if (_tok == Token.CHAN)
        {
            Next();
            if (_tok == Token.ARROW)
            {
                arrow = _pos;
                Next();
                dir = ChanDir.Send;
            }
        }
        else
        {
            arrow = Expect(Token.ARROW);
            Expect(Token.CHAN);
            dir = ChanDir.Recv;
        }
        var value = ParseType();
        return new ChanType(pos, arrow, dir, value);
    }

    private Expr ParseTypeInstance(Expr typ)
    {
        int opening = Expect(Token.LBRACK);
        _exprLev++;
        var list = new List<Expr>();
        while (_tok != Token.RBRACK && _tok != Token.EOF)
        {
            list.Add(ParseType());
            if (!AtComma("type argument list", Token.RBRACK)) break;
            Next();
        }
        _exprLev--;
        int closing = ExpectClosing(Token.RBRACK, "type argument list");
        if (list.Count == 0)
        {
            ErrorExpected(closing, "type argument list");
            return new IndexExpr(typ, opening, new BadExpr(opening + 1, closing), closing);
        }
        return PackIndexExpr(typ, opening, list, closing);
    }

    private Expr? TryIdentOrType()
    {
        IncNestLev();
        try
        {
            switch (_tok)
            {
                case Token.IDENT:
                    var typ = ParseTypeName(null);
                    if (_tok == Token.LBRACK) typ = ParseTypeInstance(typ);
                    return typ;
                case Token.LBRACK:
                    int lbrack = Expect(Token.LBRACK);
                    return ParseArrayType(lbrack, null);
                case Token.STRUCT:
                    return ParseStructType();
                case Token.MUL:
                    return ParsePointerType();
                case Token.FUNC:
                    return ParseFuncType();
                case Token.INTERFACE:
                    return ParseInterfaceType();
                case Token.MAP:
                    return ParseMapType();
                case Token.CHAN or Token.ARROW:
                    return ParseChanType();
                case Token.LPAREN:
                    int lparen = _pos;
                    Next();
                    var t = ParseType();
                    int rparen = Expect(Token.RPAREN);
                    return new ParenExpr(lparen, t, rparen);
                default:
                    return null;
            }
        }
        finally
        {
            DecNestLev();
        }
    }
}
