namespace MapScope.Semantics.Loading;

/// <summary>
/// Parses build-constraint lines: <c>//go:build EXPR</c> (with !, &amp;&amp;, || and parentheses) and the legacy
/// <c>// +build A,B !C</c> form (space = or, comma = and), with the semantics of go/build/constraint.
/// </summary>
public static class ConstraintParser
{
    /// <summary>The expression text after <c>//go:build</c>, or null when the line is not a //go:build line.</summary>
    public static string? SplitGoBuild(string line)
    {
        line = line.Trim();
        if (!line.StartsWith("//go:build", StringComparison.Ordinal)) return null;
        var rest = line["//go:build".Length..];
        // "//go:buildfoo" is some other directive: the prefix must be followed by a space or end the line.
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0])) return null;
        return rest.Trim();
    }

    /// <summary>The expression text after <c>// +build</c> (the space after // is optional), or null.</summary>
    public static string? SplitPlusBuild(string line)
    {
        line = line.Trim();
        if (!line.StartsWith("//", StringComparison.Ordinal)) return null;
        var rest = line[2..].TrimStart();
        if (!rest.StartsWith("+build", StringComparison.Ordinal)) return null;
        rest = rest["+build".Length..];
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0])) return null;
        return rest.Trim();
    }

    /// <summary>Parses a //go:build expression; returns null and an error message on bad syntax.</summary>
    public static ConstraintExpr? ParseGoBuild(string text, out string? error)
    {
        var p = new ExprParser(text);
        try
        {
            var x = p.Or();
            if (p.Token.Length != 0) throw new FormatException("unexpected token " + p.Token);
            error = null;
            return x;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>
    /// Parses a legacy +build expression. It never fails: malformed words become the tag "ignore",
    /// which is never satisfied, exactly as go/build treats them.
    /// </summary>
    public static ConstraintExpr ParsePlusBuild(string text)
    {
        ConstraintExpr? x = null;
        foreach (var clause in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            ConstraintExpr? y = null;
            foreach (var word in clause.Split(','))
            {
                ConstraintExpr z;
                if (word.StartsWith("!!", StringComparison.Ordinal) || word == "!") z = new TagExpr("ignore");
                else
                {
                    bool neg = word.StartsWith('!');
                    var tag = neg ? word[1..] : word;
                    z = IsValidTag(tag) ? new TagExpr(tag) : new TagExpr("ignore");
                    if (neg) z = new NotExpr(z);
                }
                y = y is null ? z : new AndExpr(y, z);
            }
            x = x is null ? y : new OrExpr(x, y!);
        }
        return x ?? new TagExpr("ignore");
    }

    /// <summary>Tags are letters, digits, underscores and dots (digits may lead: "386").</summary>
    public static bool IsValidTag(string word)
    {
        if (word.Length == 0) return false;
        foreach (var c in word)
            if (!IsTagChar(c)) return false;
        return true;
    }

    private static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';

    /// <summary>Recursive descent over or → and → not → atom; errors are FormatExceptions caught above.</summary>
    private sealed class ExprParser(string s)
    {
        private int _i;
        public string Token { get; private set; } = "";
        private bool _isTag;

        public ConstraintExpr Or()
        {
            var x = And();
            while (Token == "||") x = new OrExpr(x, And());
            return x;
        }

        private ConstraintExpr And()
        {
            var x = Not();
            while (Token == "&&") x = new AndExpr(x, Not());
            return x;
        }

        private ConstraintExpr Not()
        {
            Lex();
            if (Token == "!")
            {
                Lex();
                if (Token == "!") throw new FormatException("double negation not allowed");
                return new NotExpr(Atom());
            }
            return Atom();
        }

        // On entry the atom's first token has been lexed; on exit the token after it has been.
        private ConstraintExpr Atom()
        {
            if (_isTag)
            {
                var x = new TagExpr(Token);
                Lex();
                return x;
            }
            if (Token == "(")
            {
                var x = Or();
                if (Token != ")") throw new FormatException("missing close paren");
                Lex();
                return x;
            }
            if (Token.Length == 0) throw new FormatException("unexpected end of expression");
            throw new FormatException("unexpected token " + Token);
        }

        private void Lex()
        {
            _isTag = false;
            while (_i < s.Length && (s[_i] == ' ' || s[_i] == '\t')) _i++;
            if (_i >= s.Length) { Token = ""; return; }
            char c = s[_i];
            if (c is '(' or ')' or '!') { Token = c.ToString(); _i++; return; }
            if (c is '&' or '|')
            {
                if (_i + 1 >= s.Length || s[_i + 1] != c) throw new FormatException("invalid syntax at " + c);
                Token = new string(c, 2);
                _i += 2;
                return;
            }
            int start = _i;
            while (_i < s.Length && IsTagChar(s[_i])) _i++;
            if (_i == start) throw new FormatException("invalid syntax at " + c);
            Token = s[start.._i];
            _isTag = true;
        }
    }
}
