using System.Text;

namespace MapScope.Syntax.Ast;

// The Go syntax tree. Every node type, field and position rule mirrors go/ast (Go 1.19+), so that
// Pos and End are the byte offsets go/ast's Pos() and End() give; NoPos (-1) stands for token.NoPos.

/// <summary>Every syntax tree node.</summary>
public abstract class Node
{
    public const int NoPos = -1;

    /// <summary>Offset of the first byte belonging to the node.</summary>
    public abstract int Pos { get; }

    /// <summary>Offset of the first byte after the node.</summary>
    public abstract int End { get; }
}

public abstract class Expr : Node { }

public abstract class Stmt : Node { }

public abstract class Decl : Node { }

public abstract class Spec : Node { }

// ---- Comments ----

/// <summary>A // or /* */ comment.</summary>
public sealed class Comment(int slash, int length, byte[] source) : Node
{
    public int Slash = slash;
    private readonly int _length = length;
    public override int Pos => Slash;
    public override int End => Slash + _length;
    public string Text => Encoding.UTF8.GetString(source, Slash, _length).Replace("\r", "");
}

/// <summary>A sequence of comments with no other tokens and no empty lines between.</summary>
public sealed class CommentGroup(List<Comment> list) : Node
{
    public List<Comment> List = list;
    public override int Pos => List[0].Pos;
    public override int End => List[^1].End;

    /// <summary>The comments' text without comment markers, one line per comment line.</summary>
    public string Text()
    {
        var lines = new List<string>();
        foreach (var c in List)
        {
            var t = c.Text;
            t = t[1] == '/' ? t[2..] : t[2..^2];
            foreach (var line in t.Split('\n'))
                lines.Add((line.StartsWith(' ') ? line[1..] : line).TrimEnd());
        }
        return string.Join("\n", lines).Trim('\n');
    }
}

// ---- Fields ----

/// <summary>A field in a struct, a parameter or result list, or an interface method or embedded element.</summary>
public sealed class Field : Node
{
    public CommentGroup? Doc;
    public List<Ident>? Names;
    public Expr? Type;
    public BasicLit? Tag;
    public CommentGroup? Comment;

    public override int Pos => Names is { Count: > 0 } ? Names[0].Pos : Type?.Pos ?? NoPos;

    public override int End => Tag != null ? Tag.End : Type != null ? Type.End : Names is { Count: > 0 } ? Names[^1].End : NoPos;
}

/// <summary>A list of fields, enclosed by parentheses, brackets or braces (or not, for a single result).</summary>
public sealed class FieldList : Node
{
    public int Opening = NoPos;
    public List<Field> List = [];
    public int Closing = NoPos;

    public override int Pos => Opening >= 0 ? Opening : List.Count > 0 ? List[0].Pos : NoPos;
    public override int End => Closing >= 0 ? Closing + 1 : List.Count > 0 ? List[^1].End : NoPos;

    public int NumFields()
    {
        int n = 0;
        foreach (var f in List) n += f.Names is { Count: > 0 } ? f.Names.Count : 1;
        return n;
    }
}

// ---- Expressions and types ----

/// <summary>A placeholder for an expression containing syntax errors.</summary>
public sealed class BadExpr(int from, int to) : Expr
{
    public int From = from, To = to;
    public override int Pos => From;
    public override int End => To;
}

/// <summary>An identifier.</summary>
public sealed class Ident(int namePos, string name) : Expr
{
    public int NamePos = namePos;
    private string _name = name;
    private int _length = ByteLength(name);

    public string Name
    {
        get => _name;
        set
        {
            _name = value;
            _length = ByteLength(value);
        }
    }

    public override int Pos => NamePos;
    public override int End => NamePos + _length;

    private static int ByteLength(string s) => System.Text.Ascii.IsValid(s) ? s.Length : Encoding.UTF8.GetByteCount(s);
    public override string ToString() => Name;
}

/// <summary>"..." in a parameter list (Elt set) or an array type's length (Elt null).</summary>
public sealed class Ellipsis(int ellipsisPos, Expr? elt) : Expr
{
    public int EllipsisPos = ellipsisPos;
    public Expr? Elt = elt;
    public override int Pos => EllipsisPos;
    public override int End => Elt != null ? Elt.End : EllipsisPos + 3;
}

/// <summary>A literal of basic type: INT, FLOAT, IMAG, CHAR or STRING.</summary>
public sealed class BasicLit(int valuePos, Token kind, int valueLength, byte[] source, bool hasCR) : Expr
{
    public int ValuePos = valuePos;
    public Token Kind = kind;
    /// <summary>Length of Value (go/ast's End is ValuePos + len(Value); raw strings drop carriage returns).</summary>
    public int ValueLength = valueLength;
    private readonly byte[] _source = source;
    private readonly bool _hasCR = hasCR;
    private string? _value;

    public override int Pos => ValuePos;
    public override int End => ValuePos + ValueLength;

    /// <summary>The literal as written (raw strings without carriage returns).</summary>
    public string Value
    {
        get
        {
            if (_value != null) return _value;
            if (ValuePos < 0 || ValuePos >= _source.Length) return _value = "";
            if (!_hasCR) return _value = Encoding.UTF8.GetString(_source, ValuePos, Math.Min(ValueLength, _source.Length - ValuePos));
            // find the written extent: ValueLength counts bytes without '\r'
            int i = ValuePos, kept = 0;
            while (i < _source.Length && kept < ValueLength)
            {
                if (_source[i] != '\r') kept++;
                i++;
            }
            return _value = Encoding.UTF8.GetString(_source, ValuePos, i - ValuePos).Replace("\r", "");
        }
    }
}

/// <summary>A function literal.</summary>
public sealed class FuncLit(FuncType type, BlockStmt body) : Expr
{
    public FuncType Type = type;
    public BlockStmt Body = body;
    public override int Pos => Type.Pos;
    public override int End => Body.End;
}

/// <summary>A composite literal: T{...}, or {...} with the type elided.</summary>
public sealed class CompositeLit : Expr
{
    public Expr? Type;
    public int Lbrace;
    public List<Expr> Elts = [];
    public int Rbrace;
    public bool Incomplete;
    public override int Pos => Type != null ? Type.Pos : Lbrace;
    public override int End => Rbrace + 1;
}

/// <summary>A parenthesized expression.</summary>
public sealed class ParenExpr(int lparen, Expr x, int rparen) : Expr
{
    public int Lparen = lparen;
    public Expr X = x;
    public int Rparen = rparen;
    public override int Pos => Lparen;
    public override int End => Rparen + 1;
}

/// <summary>X.Sel.</summary>
public sealed class SelectorExpr(Expr x, Ident sel) : Expr
{
    public Expr X = x;
    public Ident Sel = sel;
    public override int Pos => X.Pos;
    public override int End => Sel.End;
}

/// <summary>X[Index]: an index expression or a single-argument instantiation.</summary>
public sealed class IndexExpr(Expr x, int lbrack, Expr index, int rbrack) : Expr
{
    public Expr X = x;
    public int Lbrack = lbrack;
    public Expr Index = index;
    public int Rbrack = rbrack;
    public override int Pos => X.Pos;
    public override int End => Rbrack + 1;
}

/// <summary>X[A, B, ...]: an instantiation with several type arguments.</summary>
public sealed class IndexListExpr(Expr x, int lbrack, List<Expr> indices, int rbrack) : Expr
{
    public Expr X = x;
    public int Lbrack = lbrack;
    public List<Expr> Indices = indices;
    public int Rbrack = rbrack;
    public override int Pos => X.Pos;
    public override int End => Rbrack + 1;
}

/// <summary>X[Low:High] or X[Low:High:Max].</summary>
public sealed class SliceExpr : Expr
{
    public required Expr X;
    public int Lbrack;
    public Expr? Low, High, Max;
    public bool Slice3;
    public int Rbrack;
    public override int Pos => X.Pos;
    public override int End => Rbrack + 1;
}

/// <summary>X.(Type); Type is null for the X.(type) of a type switch.</summary>
public sealed class TypeAssertExpr(Expr x, int lparen, Expr? type, int rparen) : Expr
{
    public Expr X = x;
    public int Lparen = lparen;
    public Expr? Type = type;
    public int Rparen = rparen;
    public override int Pos => X.Pos;
    public override int End => Rparen + 1;
}

/// <summary>A call or conversion: Fun(Args...).</summary>
public sealed class CallExpr : Expr
{
    public required Expr Fun;
    public int Lparen;
    public List<Expr> Args = [];
    /// <summary>Position of "..." after the last argument, or NoPos.</summary>
    public int EllipsisPos = NoPos;
    public int Rparen;
    public override int Pos => Fun.Pos;
    public override int End => Rparen + 1;
}

/// <summary>*X: a pointer type or a dereference.</summary>
public sealed class StarExpr(int star, Expr x) : Expr
{
    public int Star = star;
    public Expr X = x;
    public override int Pos => Star;
    public override int End => X.End;
}

/// <summary>A unary expression (also ~T terms in constraints).</summary>
public sealed class UnaryExpr(int opPos, Token op, Expr x) : Expr
{
    public int OpPos = opPos;
    public Token Op = op;
    public Expr X = x;
    public override int Pos => OpPos;
    public override int End => X.End;
}

/// <summary>A binary expression (also A | B unions in constraints).</summary>
public sealed class BinaryExpr(Expr x, int opPos, Token op, Expr y) : Expr
{
    public Expr X = x;
    public int OpPos = opPos;
    public Token Op = op;
    public Expr Y = y;
    public override int Pos => X.Pos;
    public override int End => Y.End;
}

/// <summary>Key: Value in a composite literal.</summary>
public sealed class KeyValueExpr(Expr key, int colon, Expr value) : Expr
{
    public Expr Key = key;
    public int Colon = colon;
    public Expr Value = value;
    public override int Pos => Key.Pos;
    public override int End => Value.End;
}

/// <summary>[Len]Elt, or []Elt (Len null), or [...]Elt (Len an Ellipsis).</summary>
public sealed class ArrayType(int lbrack, Expr? len, Expr elt) : Expr
{
    public int Lbrack = lbrack;
    public Expr? Len = len;
    public Expr Elt = elt;
    public override int Pos => Lbrack;
    public override int End => Elt.End;
}

/// <summary>struct { Fields }.</summary>
public sealed class StructType(int structPos, FieldList fields) : Expr
{
    public int StructPos = structPos;
    public FieldList Fields = fields;
    public bool Incomplete;
    public override int Pos => StructPos;
    public override int End => Fields.End;
}

/// <summary>A function signature; Func is NoPos for interface methods.</summary>
public sealed class FuncType : Expr
{
    public int Func = NoPos;
    public FieldList? TypeParams;
    public required FieldList Params;
    public FieldList? Results;
    public override int Pos => Func >= 0 || Params == null ? Func : Params.Pos;
    public override int End => Results != null ? Results.End : Params.End;
}

/// <summary>interface { Methods }.</summary>
public sealed class InterfaceType(int interfacePos, FieldList methods) : Expr
{
    public int InterfacePos = interfacePos;
    public FieldList Methods = methods;
    public bool Incomplete;
    public override int Pos => InterfacePos;
    public override int End => Methods.End;
}

/// <summary>map[Key]Value.</summary>
public sealed class MapType(int mapPos, Expr key, Expr value) : Expr
{
    public int MapPos = mapPos;
    public Expr Key = key;
    public Expr Value = value;
    public override int Pos => MapPos;
    public override int End => Value.End;
}

/// <summary>Channel direction, as go/ast's ChanDir bits.</summary>
[Flags]
public enum ChanDir { Send = 1, Recv = 2 }

/// <summary>chan T, chan&lt;- T or &lt;-chan T.</summary>
public sealed class ChanType(int begin, int arrow, ChanDir dir, Expr value) : Expr
{
    public int Begin = begin;
    public int Arrow = arrow;
    public ChanDir Dir = dir;
    public Expr Value = value;
    public override int Pos => Begin;
    public override int End => Value.End;
}

// ---- Statements ----

/// <summary>A placeholder for statements containing syntax errors.</summary>
public sealed class BadStmt(int from, int to) : Stmt
{
    public int From = from, To = to;
    public override int Pos => From;
    public override int End => To;
}

/// <summary>A declaration in a statement list.</summary>
public sealed class DeclStmt(Decl decl) : Stmt
{
    public Decl Decl = decl;
    public override int Pos => Decl.Pos;
    public override int End => Decl.End;
}

/// <summary>An explicit or implicit (newline, closing brace) semicolon.</summary>
public sealed class EmptyStmt(int semicolon, bool @implicit) : Stmt
{
    public int Semicolon = semicolon;
    public bool Implicit = @implicit;
    public override int Pos => Semicolon;
    public override int End => Implicit ? Semicolon : Semicolon + 1;
}

/// <summary>Label: Stmt.</summary>
public sealed class LabeledStmt(Ident label, int colon, Stmt stmt) : Stmt
{
    public Ident Label = label;
    public int Colon = colon;
    public Stmt Stmt = stmt;
    public override int Pos => Label.Pos;
    public override int End => Stmt.End;
}

/// <summary>An expression used as a statement.</summary>
public sealed class ExprStmt(Expr x) : Stmt
{
    public Expr X = x;
    public override int Pos => X.Pos;
    public override int End => X.End;
}

/// <summary>Chan &lt;- Value.</summary>
public sealed class SendStmt(Expr chan, int arrow, Expr value) : Stmt
{
    public Expr Chan = chan;
    public int Arrow = arrow;
    public Expr Value = value;
    public override int Pos => Chan.Pos;
    public override int End => Value.End;
}

/// <summary>X++ or X--.</summary>
public sealed class IncDecStmt(Expr x, int tokPos, Token tok) : Stmt
{
    public Expr X = x;
    public int TokPos = tokPos;
    public Token Tok = tok;
    public override int Pos => X.Pos;
    public override int End => TokPos + 2;
}

/// <summary>An assignment or short variable declaration.</summary>
public sealed class AssignStmt(List<Expr> lhs, int tokPos, Token tok, List<Expr> rhs) : Stmt
{
    public List<Expr> Lhs = lhs;
    public int TokPos = tokPos;
    public Token Tok = tok;
    public List<Expr> Rhs = rhs;
    public override int Pos => Lhs[0].Pos;
    public override int End => Rhs[^1].End;
}

/// <summary>go Call.</summary>
public sealed class GoStmt(int go, CallExpr call) : Stmt
{
    public int Go = go;
    public CallExpr Call = call;
    public override int Pos => Go;
    public override int End => Call.End;
}

/// <summary>defer Call.</summary>
public sealed class DeferStmt(int defer, CallExpr call) : Stmt
{
    public int Defer = defer;
    public CallExpr Call = call;
    public override int Pos => Defer;
    public override int End => Call.End;
}

/// <summary>return Results.</summary>
public sealed class ReturnStmt(int @return, List<Expr>? results) : Stmt
{
    public int Return = @return;
    public List<Expr>? Results = results;
    public override int Pos => Return;
    public override int End => Results is { Count: > 0 } ? Results[^1].End : Return + 6;
}

/// <summary>break, continue, goto or fallthrough, with an optional label.</summary>
public sealed class BranchStmt(int tokPos, Token tok, Ident? label) : Stmt
{
    public int TokPos = tokPos;
    public Token Tok = tok;
    public Ident? Label = label;
    public override int Pos => TokPos;
    public override int End => Label != null ? Label.End : TokPos + Tok.Spelling().Length;
}

/// <summary>{ List }.</summary>
public sealed class BlockStmt(int lbrace, List<Stmt> list, int rbrace) : Stmt
{
    public int Lbrace = lbrace;
    public List<Stmt> List = list;
    public int Rbrace = rbrace;
    public override int Pos => Lbrace;
    public override int End => Rbrace >= 0 ? Rbrace + 1 : List.Count > 0 ? List[^1].End : Lbrace + 1;
}

/// <summary>if Init; Cond { Body } else Else.</summary>
public sealed class IfStmt : Stmt
{
    public int If;
    public Stmt? Init;
    public required Expr Cond;
    public required BlockStmt Body;
    public Stmt? Else;
    public override int Pos => If;
    public override int End => Else != null ? Else.End : Body.End;
}

/// <summary>case List: Body, or default: Body (List null) in an expression or type switch.</summary>
public sealed class CaseClause(int @case, List<Expr>? list, int colon, List<Stmt> body) : Stmt
{
    public int Case = @case;
    public List<Expr>? List = list;
    public int Colon = colon;
    public List<Stmt> Body = body;
    public override int Pos => Case;
    public override int End => Body.Count > 0 ? Body[^1].End : Colon + 1;
}

/// <summary>switch Init; Tag { Body }.</summary>
public sealed class SwitchStmt : Stmt
{
    public int Switch;
    public Stmt? Init;
    public Expr? Tag;
    public required BlockStmt Body;
    public override int Pos => Switch;
    public override int End => Body.End;
}

/// <summary>switch Init; x := y.(type) { Body }.</summary>
public sealed class TypeSwitchStmt : Stmt
{
    public int Switch;
    public Stmt? Init;
    public required Stmt Assign;
    public required BlockStmt Body;
    public override int Pos => Switch;
    public override int End => Body.End;
}

/// <summary>case Comm: Body, or default: Body (Comm null) in a select.</summary>
public sealed class CommClause(int @case, Stmt? comm, int colon, List<Stmt> body) : Stmt
{
    public int Case = @case;
    public Stmt? Comm = comm;
    public int Colon = colon;
    public List<Stmt> Body = body;
    public override int Pos => Case;
    public override int End => Body.Count > 0 ? Body[^1].End : Colon + 1;
}

/// <summary>select { Body }.</summary>
public sealed class SelectStmt(int select, BlockStmt body) : Stmt
{
    public int Select = select;
    public BlockStmt Body = body;
    public override int Pos => Select;
    public override int End => Body.End;
}

/// <summary>for Init; Cond; Post { Body }.</summary>
public sealed class ForStmt : Stmt
{
    public int For;
    public Stmt? Init;
    public Expr? Cond;
    public Stmt? Post;
    public required BlockStmt Body;
    public override int Pos => For;
    public override int End => Body.End;
}

/// <summary>for Key, Value := range X { Body }.</summary>
public sealed class RangeStmt : Stmt
{
    public int For;
    public Expr? Key, Value;
    public int TokPos = NoPos;
    public Token Tok;
    public required Expr X;
    public required BlockStmt Body;
    public override int Pos => For;
    public override int End => Body.End;
}

// ---- Specs and declarations ----

/// <summary>A single import.</summary>
public sealed class ImportSpec : Spec
{
    public CommentGroup? Doc;
    public Ident? Name;
    public required BasicLit Path;
    public CommentGroup? Comment;
    public int EndPos = NoPos;
    public override int Pos => Name != null ? Name.Pos : Path.Pos;
    public override int End => EndPos >= 0 ? EndPos : Path.End;
}

/// <summary>A const or var spec.</summary>
public sealed class ValueSpec : Spec
{
    public CommentGroup? Doc;
    public List<Ident> Names = [];
    public Expr? Type;
    public List<Expr>? Values;
    public CommentGroup? Comment;
    public override int Pos => Names[0].Pos;
    public override int End => Values is { Count: > 0 } ? Values[^1].End : Type != null ? Type.End : Names[^1].End;
}

/// <summary>A type declaration or alias (Assign set), possibly generic.</summary>
public sealed class TypeSpec : Spec
{
    public CommentGroup? Doc;
    public required Ident Name;
    public FieldList? TypeParams;
    public int Assign = NoPos;
    public Expr Type = null!;
    public CommentGroup? Comment;
    public override int Pos => Name.Pos;
    public override int End => Type.End;
}

/// <summary>A placeholder for a declaration containing syntax errors.</summary>
public sealed class BadDecl(int from, int to) : Decl
{
    public int From = from, To = to;
    public override int Pos => From;
    public override int End => To;
}

/// <summary>import, const, type or var declaration, with or without parentheses.</summary>
public sealed class GenDecl : Decl
{
    public CommentGroup? Doc;
    public int TokPos;
    public Token Tok;
    public int Lparen = NoPos;
    public List<Spec> Specs = [];
    public int Rparen = NoPos;
    public override int Pos => TokPos;
    public override int End => Rparen >= 0 ? Rparen + 1 : Specs[0].End;
}

/// <summary>A function or method declaration.</summary>
public sealed class FuncDecl : Decl
{
    public CommentGroup? Doc;
    public FieldList? Recv;
    public required Ident Name;
    public required FuncType Type;
    public BlockStmt? Body;
    public override int Pos => Type.Pos;
    public override int End => Body != null ? Body.End : Type.End;
}

/// <summary>A Go source file.</summary>
public sealed class File : Node
{
    public CommentGroup? Doc;
    public int Package = NoPos;
    public required Ident Name;
    public List<Decl> Decls = [];
    public List<ImportSpec> Imports = [];
    public List<CommentGroup> Comments = [];
    public override int Pos => Package;
    public override int End => Decls.Count > 0 ? Decls[^1].End : Name.End;
}
