namespace MapScope.Semantics.Types;

/// <summary>The universe scope: predeclared types, constants, nil and builtins; and package unsafe.</summary>
public static class Universe
{
    public static readonly Scope Scope = new(null);

    public static readonly Basic Bool = new(BasicKind.Bool, "bool");
    public static readonly Basic Int = new(BasicKind.Int, "int");
    public static readonly Basic Int32 = new(BasicKind.Int32, "int32");
    public static readonly Basic Uint8 = new(BasicKind.Uint8, "uint8");
    public static readonly Basic Byte = new(BasicKind.Uint8, "byte");
    public static readonly Basic Rune = new(BasicKind.Int32, "rune");
    public static readonly Basic Float64 = new(BasicKind.Float64, "float64");
    public static readonly Basic Complex128 = new(BasicKind.Complex128, "complex128");
    public static readonly Basic String = new(BasicKind.String, "string");
    public static readonly Basic Uintptr = new(BasicKind.Uintptr, "uintptr");
    public static readonly Basic UnsafePointer = new(BasicKind.UnsafePointer, "unsafe.Pointer");

    public static readonly Basic UntypedBool = new(BasicKind.UntypedBool, "untyped bool");
    public static readonly Basic UntypedInt = new(BasicKind.UntypedInt, "untyped int");
    public static readonly Basic UntypedRune = new(BasicKind.UntypedRune, "untyped rune");
    public static readonly Basic UntypedFloat = new(BasicKind.UntypedFloat, "untyped float");
    public static readonly Basic UntypedComplex = new(BasicKind.UntypedComplex, "untyped complex");
    public static readonly Basic UntypedString = new(BasicKind.UntypedString, "untyped string");
    public static readonly Basic UntypedNil = new(BasicKind.UntypedNil, "untyped nil");

    public static readonly Interface Any = new() { IsAny = true };
    public static readonly Named Error;
    public static readonly Interface Comparable = new() { IsComparable = true };

    public static readonly Package Unsafe = new("unsafe", "unsafe");

    static Universe()
    {
        foreach (var b in new[]
        {
            Bool, Int, new(BasicKind.Int8, "int8"), new(BasicKind.Int16, "int16"), Int32, new(BasicKind.Int64, "int64"),
            new(BasicKind.Uint, "uint"), Uint8, new(BasicKind.Uint16, "uint16"), new(BasicKind.Uint32, "uint32"),
            new(BasicKind.Uint64, "uint64"), Uintptr, new(BasicKind.Float32, "float32"), Float64,
            new(BasicKind.Complex64, "complex64"), Complex128, String, Byte, Rune,
        })
        {
            var tn = new TypeName(b.Name, null, -1);
            tn.SetType(b);
            Scope.Insert(tn);
        }

        var anyName = new TypeName("any", null, -1);
        anyName.SetType(Any);
        Scope.Insert(anyName);
        var comparable = new TypeName("comparable", null, -1);
        comparable.SetType(new Named(comparable) { });
        ((Named)comparable.Type).SetUnderlying(Comparable);
        Scope.Insert(comparable);

        // type error interface { Error() string }
        var errName = new TypeName("error", null, -1);
        Error = new Named(errName);
        var errIface = new Interface();
        var errMethod = new Func("Error", null, -1);
        errMethod.SetSignature(new Signature(null, [], Tuple.Empty, new Tuple([new Var("", null, -1, String)]), false));
        errIface.Methods.Add(errMethod);
        Error.SetUnderlying(errIface);
        errName.SetType(Error);
        Scope.Insert(errName);

        foreach (var (name, t) in new[] { ("true", (Type)UntypedBool), ("false", UntypedBool), ("iota", UntypedInt) })
        {
            var c = new Const(name, null, -1);
            c.Set(t, name == "iota" ? 0 : null);
            Scope.Insert(c);
        }
        Scope.Insert(new Nil());

        foreach (var name in new[] { "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover" })
            Scope.Insert(new Builtin(name));

        // package unsafe
        var ptr = new TypeName("Pointer", Unsafe, -1);
        ptr.SetType(UnsafePointer);
        Unsafe.Scope.Insert(ptr);
        foreach (var name in new[] { "Sizeof", "Alignof", "Offsetof", "Add", "Slice", "String", "StringData", "SliceData" })
            Unsafe.Scope.Insert(new Builtin(name));
    }

    /// <summary>The type an untyped constant gets where no other type is asked for.</summary>
    public static Type Default(Type t) => t is Basic b ? b.Kind switch
    {
        BasicKind.UntypedBool => Bool,
        BasicKind.UntypedInt => Int,
        BasicKind.UntypedRune => Rune,
        BasicKind.UntypedFloat => Float64,
        BasicKind.UntypedComplex => Complex128,
        BasicKind.UntypedString => String,
        _ => t,
    } : t;
}
