namespace MapScope.Semantics.Loading;

/// <summary>A build-constraint expression, as in go/build/constraint: tags combined with !, &amp;&amp; and ||.</summary>
public abstract record ConstraintExpr
{
    /// <summary>Evaluates the expression; <paramref name="hasTag"/> answers whether one tag is satisfied.</summary>
    public abstract bool Eval(Func<string, bool> hasTag);
}

public sealed record TagExpr(string Tag) : ConstraintExpr
{
    public override bool Eval(Func<string, bool> hasTag) => hasTag(Tag);
    public override string ToString() => Tag;
}

public sealed record NotExpr(ConstraintExpr X) : ConstraintExpr
{
    // Evaluate the operand even though the result is its negation: every consulted tag is observable.
    public override bool Eval(Func<string, bool> hasTag) => !X.Eval(hasTag);
    public override string ToString() => "!" + X;
}

public sealed record AndExpr(ConstraintExpr X, ConstraintExpr Y) : ConstraintExpr
{
    // Both sides are evaluated (no short circuit), like go/build, so that tag recording sees all tags.
    public override bool Eval(Func<string, bool> hasTag)
    {
        bool x = X.Eval(hasTag), y = Y.Eval(hasTag);
        return x && y;
    }
    public override string ToString() => $"({X} && {Y})";
}

public sealed record OrExpr(ConstraintExpr X, ConstraintExpr Y) : ConstraintExpr
{
    public override bool Eval(Func<string, bool> hasTag)
    {
        bool x = X.Eval(hasTag), y = Y.Eval(hasTag);
        return x || y;
    }
    public override string ToString() => $"({X} || {Y})";
}
