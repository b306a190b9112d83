using System.Text;

namespace MapScope.Semantics.Types;

// Go's types, shaped like go/types: a Type is a value; Named types carry their declaration and methods.
// Unknown stands for anything mapscope could not determine; it propagates and is never a map.

/// <summary>A Go type.</summary>
public abstract class Type
{
    /// <summary>The underlying type (itself for all but Named and TypeParam).</summary>
    public virtual Type Underlying => this;

    public override string ToString() => TypeString.Of(this);
}

/// <summary>A type that could not be determined.</summary>
public sealed class UnknownType : Type
{
    public static readonly UnknownType Instance = new();
    private UnknownType() { }
}

public enum BasicKind
{
    Invalid, Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
    Float32, Float64, Complex64, Complex128, String, UnsafePointer,
    UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedComplex, UntypedString, UntypedNil,
}

/// <summary>A predeclared type such as int or string, or an untyped constant's kind.</summary>
public sealed class Basic(BasicKind kind, string name) : Type
{
    public BasicKind Kind { get; } = kind;
    public string Name { get; } = name;
    public bool IsUntyped => Kind >= BasicKind.UntypedBool;
    public bool IsInteger => Kind is >= BasicKind.Int and <= BasicKind.Uintptr or BasicKind.UntypedInt or BasicKind.UntypedRune;
}

public sealed class Pointer(Type elem) : Type
{
    public Type Elem { get; } = elem;
}

public sealed class Slice(Type elem) : Type
{
    public Type Elem { get; } = elem;
}

/// <summary>An array type; Len is -1 when the length could not be evaluated.</summary>
public sealed class Array(Type elem, long len) : Type
{
    public Type Elem { get; } = elem;
    public long Len { get; } = len;
}

public sealed class Map(Type key, Type elem) : Type
{
    public Type Key { get; } = key;
    public Type Elem { get; } = elem;
}

public enum ChanDir { SendRecv, SendOnly, RecvOnly }

public sealed class Chan(ChanDir dir, Type elem) : Type
{
    public ChanDir Dir { get; } = dir;
    public Type Elem { get; } = elem;
}

/// <summary>An ordered list of variables: parameters, results, or a multi-value expression.</summary>
public sealed class Tuple(IReadOnlyList<Var> vars) : Type
{
    public static readonly Tuple Empty = new([]);
    public IReadOnlyList<Var> Vars { get; } = vars;
    public int Count => Vars.Count;
    public Type this[int i] => Vars[i].Type;
}

/// <summary>A function or method signature.</summary>
public sealed class Signature(Var? recv, IReadOnlyList<TypeParam> typeParams, Tuple parameters, Tuple results, bool variadic) : Type
{
    public Var? Recv { get; } = recv;
    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;
    public Tuple Params { get; } = parameters;
    public Tuple Results { get; } = results;
    public bool Variadic { get; } = variadic;
}

/// <summary>A struct; Tags parallel Fields (null where a field has none).</summary>
public sealed class Struct(IReadOnlyList<Var> fields, IReadOnlyList<string?> tags) : Type
{
    public IReadOnlyList<Var> Fields { get; } = fields;
    public IReadOnlyList<string?> Tags { get; } = tags;
}

/// <summary>An interface: explicit methods and embedded types (interfaces or type-set terms).</summary>
public sealed class Interface : Type
{
    public List<Func> Methods { get; } = [];
    public List<Type> Embeddeds { get; } = [];
    /// <summary>Set for the predeclared `any`, which go/types prints as "any".</summary>
    public bool IsAny { get; init; }
    /// <summary>Set for the predeclared `comparable`.</summary>
    public bool IsComparable { get; init; }
    /// <summary>The type's source text for type-set terms (unions, ~T) that TypeString must print.</summary>
    public List<Term[]> Unions { get; } = [];

    public bool IsEmpty => Methods.Count == 0 && Embeddeds.Count == 0 && Unions.Count == 0 && !IsComparable;
}

/// <summary>A term of a type set: T or ~T.</summary>
public sealed record Term(bool Tilde, Type Type);

/// <summary>A type parameter of a generic type or function.</summary>
public sealed class TypeParam(TypeName obj, int index) : Type
{
    public TypeName Obj { get; } = obj;
    public int Index { get; } = index;
    public Type Constraint { get; set; } = UnknownType.Instance;
    public override Type Underlying => Constraint.Underlying;
}

/// <summary>A defined (named) type, possibly an instantiation of a generic type.</summary>
public sealed class Named(TypeName obj) : Type
{
    private Type? _underlying;

    public TypeName Obj { get; } = obj;
    public List<Func> Methods { get; } = [];
    public List<TypeParam> TypeParams { get; } = [];
    /// <summary>For an instance: the generic type and its type arguments.</summary>
    public Named? Origin { get; init; }
    public IReadOnlyList<Type> TypeArgs { get; init; } = [];

    /// <summary>Computes the underlying type on first use (declarations are checked lazily).</summary>
    public Func<Type>? Resolve { get; set; }

    public override Type Underlying
    {
        get
        {
            if (_underlying != null) return _underlying;
            if (Resolve is { } r)
            {
                Resolve = null;
                _underlying = UnknownType.Instance; // a cycle sees unknown, never loops
                var u = r();
                while (u is Named n && !ReferenceEquals(n, this)) u = n.Underlying;
                _underlying = u is Named ? UnknownType.Instance : u;
            }
            return _underlying ?? UnknownType.Instance;
        }
    }

    public void SetUnderlying(Type t) => _underlying = t;
}

/// <summary>
/// An alias type (type A = T, or a generic alias's instance A[int]), kept as go/types does with
/// GODEBUG gotypesalias=1: it prints by its own name, and everything that asks for identity or the
/// underlying type looks through it (<see cref="Unalias"/>). Only created when the checker is asked to
/// model aliases; otherwise an alias name denotes its target directly, as in go/types before Go 1.23.
/// </summary>
public sealed class Alias(TypeName obj) : Type
{
    private Type? _rhs;
    private Type? _target;

    public TypeName Obj { get; } = obj;
    /// <summary>A generic alias's type parameters.</summary>
    public List<TypeParam> TypeParams { get; } = [];
    /// <summary>For an instance of a generic alias: the generic alias and its type arguments.</summary>
    public Alias? Origin { get; init; }
    public IReadOnlyList<Type> TypeArgs { get; init; } = [];

    /// <summary>Computes the aliased type on first use (declarations are checked lazily).</summary>
    public Func<Type>? Resolve { get; set; }

    /// <summary>The type on the right of the '=' (itself possibly an alias).</summary>
    public Type Rhs
    {
        get
        {
            if (_rhs != null) return _rhs;
            if (Resolve is { } r)
            {
                Resolve = null;
                _rhs = UnknownType.Instance; // a cycle sees unknown, never loops
                _rhs = r();
            }
            return _rhs ?? UnknownType.Instance;
        }
    }

    /// <summary>The type the alias finally denotes: never an alias.</summary>
    public Type Target
    {
        get
        {
            if (_target != null) return _target;
            var t = Rhs;
            for (int i = 0; i < 64 && t is Alias a; i++) t = a.Rhs;
            return _target = t is Alias ? UnknownType.Instance : t;
        }
    }

    public override Type Underlying => Target.Underlying;

    /// <summary>The type t denotes with every alias resolved (go/types' Unalias).</summary>
    public static Type Unalias(Type t) => t is Alias a ? a.Target : t;
}

/// <summary>Writes types as go/types' TypeString(t, nil) does: full package paths, e.g. map[string]*net/http.Cookie.</summary>
public static class TypeString
{
    public static string Of(Type t)
    {
        var sb = new StringBuilder();
        Write(sb, t, 0);
        return sb.ToString();
    }

    /// <summary>
    /// A string that tells types apart where their TypeStrings agree: type parameters carry their
    /// identity (two functions' K are different types), for caches of instances.
    /// </summary>
    internal static string Key(Type t)
    {
        var sb = new StringBuilder();
        Write(sb, t, 0, key: true);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Type t, int depth, bool key = false)
    {
        if (depth > 64)
        {
            sb.Append('…');
            return;
        }
        switch (t)
        {
            case UnknownType: sb.Append("invalid type"); break;
            case Basic b: sb.Append(b.Name); break;
            case Pointer p: sb.Append('*'); Write(sb, p.Elem, depth + 1, key); break;
            case Slice s: sb.Append("[]"); Write(sb, s.Elem, depth + 1, key); break;
            case Array a: sb.Append('[').Append(a.Len < 0 ? "?" : a.Len.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']'); Write(sb, a.Elem, depth + 1, key); break;
            case Map m: sb.Append("map["); Write(sb, m.Key, depth + 1, key); sb.Append(']'); Write(sb, m.Elem, depth + 1, key); break;
            case Chan c:
                sb.Append(c.Dir switch { ChanDir.SendOnly => "chan<- ", ChanDir.RecvOnly => "<-chan ", _ => "chan " });
                // chan (<-chan T) needs parentheses
                bool paren = c.Dir == ChanDir.SendRecv && c.Elem is Chan { Dir: ChanDir.RecvOnly };
                if (paren) sb.Append('(');
                Write(sb, c.Elem, depth + 1, key);
                if (paren) sb.Append(')');
                break;
            case Tuple tu: WriteTuple(sb, tu, false, depth, key); break;
            case Signature sig: sb.Append("func"); WriteSignature(sb, sig, depth, key); break;
            case Struct st:
                sb.Append("struct{");
                for (int i = 0; i < st.Fields.Count; i++)
                {
                    if (i > 0) sb.Append("; ");
                    var f = st.Fields[i];
                    if (!f.Embedded) sb.Append(f.Name).Append(' ');
                    Write(sb, f.Type, depth + 1, key);
                    if (st.Tags[i] is { } tag) sb.Append(' ').Append(Quote(tag));
                }
                sb.Append('}');
                break;
            case Interface it:
                if (it.IsAny) { sb.Append("any"); break; }
                if (it.IsComparable && it.Methods.Count == 0 && it.Embeddeds.Count == 0) { sb.Append("comparable"); break; }
                sb.Append("interface{");
                bool first = true;
                foreach (var m in it.Methods)
                {
                    if (!first) sb.Append("; ");
                    first = false;
                    sb.Append(m.Name);
                    WriteSignature(sb, m.Signature, depth + 1, key);
                }
                foreach (var e in it.Embeddeds)
                {
                    if (!first) sb.Append("; ");
                    first = false;
                    Write(sb, e, depth + 1, key);
                }
                foreach (var union in it.Unions)
                {
                    if (!first) sb.Append("; ");
                    first = false;
                    for (int i = 0; i < union.Length; i++)
                    {
                        if (i > 0) sb.Append(" | ");
                        if (union[i].Tilde) sb.Append('~');
                        Write(sb, union[i].Type, depth + 1, key);
                    }
                }
                sb.Append('}');
                break;
            case TypeParam tp:
                sb.Append(tp.Obj.Name);
                if (key) sb.Append('#').Append(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(tp));
                break;
            case Alias al:
                if (al.Obj.Pkg is { } apkg) sb.Append(apkg.Path).Append('.');
                sb.Append(al.Obj.Name);
                WriteTypeArgs(sb, al.TypeArgs, depth, key);
                break;
            case Named n:
                if (n.Obj.Pkg is { } pkg) sb.Append(pkg.Path).Append('.');
                sb.Append(n.Obj.Name);
                WriteTypeArgs(sb, n.TypeArgs, depth, key);
                break;
            default: sb.Append(t.GetType().Name); break;
        }
    }

    private static void WriteTypeArgs(StringBuilder sb, IReadOnlyList<Type> args, int depth, bool key)
    {
        if (args.Count == 0) return;
        sb.Append('[');
        for (int i = 0; i < args.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, args[i], depth + 1, key);
        }
        sb.Append(']');
    }

    private static void WriteSignature(StringBuilder sb, Signature sig, int depth, bool key)
    {
        WriteTuple(sb, sig.Params, sig.Variadic, depth, key);
        int n = sig.Results.Count;
        if (n == 0) return;
        sb.Append(' ');
        if (n == 1 && sig.Results.Vars[0].Name == "")
        {
            Write(sb, sig.Results[0], depth + 1, key);
            return;
        }
        WriteTuple(sb, sig.Results, false, depth, key);
    }

    private static void WriteTuple(StringBuilder sb, Tuple t, bool variadic, int depth, bool key)
    {
        sb.Append('(');
        for (int i = 0; i < t.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            var v = t.Vars[i];
            if (v.Name != "") sb.Append(v.Name).Append(' ');
            if (variadic && i == t.Count - 1)
            {
                sb.Append("...");
                Write(sb, v.Type is Slice s ? s.Elem : v.Type, depth + 1, key);
            }
            else Write(sb, v.Type, depth + 1, key);
        }
        sb.Append(')');
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
