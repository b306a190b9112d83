using System.Globalization;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

using Type = MapScope.Semantics.Types.Type;
using Tuple = MapScope.Semantics.Types.Tuple;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Semantics.Checking;

// Constant expressions: their types, and integer values where array lengths need them.
public sealed partial class Checker
{
    private (Type Type, long? Value) ConstExpr(Expr e, Scope scope, int iota)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case BasicLit lit:
                return lit.Kind switch
                {
                    Token.INT => (Universe.UntypedInt, ParseInt(lit.Value)),
                    Token.CHAR => (Universe.UntypedRune, null),
                    Token.FLOAT => (Universe.UntypedFloat, null),
                    Token.IMAG => (Universe.UntypedComplex, null),
                    _ => (Universe.UntypedString, null),
                };
            case Ident { Name: "iota" } when scope.Lookup("iota") is Const { Pkg: null }:
                return (Universe.UntypedInt, iota);
            case Ident id when scope.Lookup(id.Name) is Const c:
                return (c.Type, c.IntValue);
            case SelectorExpr { X: Ident p } sel when scope.Lookup(p.Name) is PkgName pn:
                return pn.Imported?.Scope.LookupLocal(sel.Sel.Name) is Const c2 ? (c2.Type, c2.IntValue) : (UnknownType.Instance, null);
            case ParenExpr paren:
                return ConstExpr(paren.X, scope, iota);
            case UnaryExpr u:
            {
                var (t, v) = ConstExpr(u.X, scope, iota);
                return u.Op switch
                {
                    Token.SUB => (t, -v),
                    Token.XOR => (t, ~v),
                    Token.NOT => (t, null),
                    _ => (t, v),
                };
            }
            case BinaryExpr b:
            {
                var (xt, xv) = ConstExpr(b.X, scope, iota);
                var (yt, yv) = ConstExpr(b.Y, scope, iota);
                if (b.Op is Token.EQL or Token.NEQ or Token.LSS or Token.LEQ or Token.GTR or Token.GEQ or Token.LAND or Token.LOR)
                    return (Universe.UntypedBool, null);
                if (b.Op is Token.SHL or Token.SHR) return (xt, Shift(b.Op, xv, yv));
                var t = ConstResultType(xt, yt);
                return (t, Arith(b.Op, xv, yv));
            }
            case CallExpr call when call.Args.Count == 1 && !(call.Fun is Ident { Name: "len" or "cap" or "real" or "imag" or "min" or "max" } fn && scope.Lookup(fn.Name) is Builtin):
            {
                // a conversion T(c) or a call to a builtin like unsafe.Sizeof
                var saved = _record;
                _record = false;
                var ft = ExprOrType(call.Fun, scope);
                _record = saved;
                if (ft.IsType)
                {
                    var (_, v) = ConstExpr(call.Args[0], scope, iota);
                    return (ft.Type, v);
                }
                return (ExprType(call, scope, null), null);
            }
            default:
                return (ExprType(e, scope, null), null);
        }
    }

    private static Type ConstResultType(Type x, Type y)
    {
        if (x is Basic { IsUntyped: false } || x is not Basic) return x;
        if (y is Basic { IsUntyped: false } || y is not Basic) return y;
        // both untyped: the later kind in int < rune < float < complex wins
        return ((Basic)x).Kind >= ((Basic)y).Kind ? x : y;
    }

    private static long? ParseInt(string s)
    {
        s = s.Replace("_", "", StringComparison.Ordinal);
        try
        {
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return long.Parse(s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (s.StartsWith("0b", StringComparison.OrdinalIgnoreCase)) return Convert.ToInt64(s[2..], 2);
            if (s.StartsWith("0o", StringComparison.OrdinalIgnoreCase)) return Convert.ToInt64(s[2..], 8);
            if (s.Length > 1 && s[0] == '0') return Convert.ToInt64(s[1..], 8);
            return long.Parse(s, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    private static long? Shift(Token op, long? x, long? y)
    {
        if (x is not { } a || y is not { } b || b < 0 || b > 62) return null;
        return op == Token.SHL ? a << (int)b : a >> (int)b;
    }

    private static long? Arith(Token op, long? x, long? y)
    {
        if (x is not { } a || y is not { } b) return null;
        try
        {
            return op switch
            {
                Token.ADD => checked(a + b),
                Token.SUB => checked(a - b),
                Token.MUL => checked(a * b),
                Token.QUO => b == 0 ? null : a / b,
                Token.REM => b == 0 ? null : a % b,
                Token.AND => a & b,
                Token.OR => a | b,
                Token.XOR => a ^ b,
                Token.AND_NOT => a & ~b,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
