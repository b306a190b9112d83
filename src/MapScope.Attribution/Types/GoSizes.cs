using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Types;

/// <summary>
/// Sizes and alignments of types on 64-bit platforms (amd64, arm64), from syntax: what the heap's
/// `bytes` label needs to tell a map's bucket arrays from the values stored in it. Null when unknown.
/// </summary>
internal static class GoSizes
{
    public static (long Size, long Align)? Of(GoType? t, TypeResolver types, int depth = 0)
    {
        if (t is null || depth > 10) return null;
        switch (t)
        {
            case BasicType b:
                return b.Name switch
                {
                    "bool" or "int8" or "uint8" or "byte" => (1, 1),
                    "int16" or "uint16" => (2, 2),
                    "int32" or "uint32" or "rune" or "float32" => (4, 4),
                    "int" or "uint" or "int64" or "uint64" or "uintptr" or "float64" => (8, 8),
                    "complex64" => (8, 4),
                    "complex128" => (16, 8),
                    "string" or "error" or "any" => (16, 8),
                    _ => null,
                };
            case PointerType or MapGoType or FuncGoType:
                return (8, 8);
            case SliceGoType { IsArray: false }:
                return (24, 8);
            case NamedType { Spec.Type: ArrayType or StructType } n:
                return OfTypeExpr(n.Spec.Type, types, depth + 1);
            case NamedType:
                var u = types.Underlying(t);
                return u is NamedType or null ? null : Of(u, types, depth + 1);
            case StructGoType s:
                return Struct(s.Syntax, types, depth);
            default:
                return null;
        }
    }

    /// <summary>Like <see cref="Of"/> for a type expression, also knowing arrays with a literal length ([4096]byte).</summary>
    public static (long Size, long Align)? OfTypeExpr(Expr e, TypeResolver types, int depth = 0)
    {
        if (e is ArrayType { Len: BasicLit { Kind: Syntax.Token.INT } len } at && long.TryParse(len.Value, out var n) && n >= 0)
            return OfTypeExpr(at.Elt, types, depth + 1) is var (size, align) ? (size * n, align) : null;
        if (e is StructType st) return Struct(st, types, depth);
        var t = types.TypeOfTypeExpr(e, types.PackageScope);
        // a named type declared as an array: look at its declaration's syntax
        if (t is NamedType { Spec.Type: ArrayType or StructType } named && depth < 10) return OfTypeExpr(named.Spec.Type, types, depth + 1);
        return Of(t, types, depth);
    }

    private static (long, long)? Struct(StructType st, TypeResolver types, int depth)
    {
        long offset = 0, align = 1;
        foreach (var f in st.Fields.List)
        {
            if (f.Type is null) return null;
            var ft = OfTypeExpr(f.Type, types, depth + 1);
            if (ft is not var (size, a)) return null;
            int n = f.Names is { Count: > 0 } names ? names.Count : 1;
            for (int i = 0; i < n; i++)
            {
                offset = (offset + a - 1) / a * a + size;
                align = Math.Max(align, a);
            }
        }
        return ((offset + align - 1) / align * align, align);
    }
}

/// <summary>
/// The block sizes a classic Go map (Go ≤ 1.23, and GOEXPERIMENT=noswissmap) allocates for its buckets:
/// arrays of 2^B buckets (plus 2^(B-4) preallocated overflow buckets from B = 4), single overflow buckets,
/// rounded up to the allocator's size classes (runtime/sizeclasses.go) or to whole 8 KiB pages.
/// </summary>
internal static class MapBuckets
{
    private static readonly int[] SizeClasses =
    [
        8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
        480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096,
        4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
        20480, 21760, 24576, 27264, 28672, 32768,
    ];

    /// <summary>The size the allocator hands out for a request of <paramref name="size"/> bytes.</summary>
    public static long RoundUpSize(long size)
    {
        if (size <= 32768)
        {
            foreach (var c in SizeClasses)
                if (c >= size) return c;
        }
        const long page = 8192;
        return (size + page - 1) / page * page;
    }

    /// <summary>A bucket: 8 tophash bytes, 8 keys, 8 elements and an overflow pointer; keys or elements over 128 bytes are stored indirectly.</summary>
    public static long BucketSize(long keySize, long elemSize)
    {
        long k = keySize > 128 ? 8 : keySize;
        long e = elemSize > 128 ? 8 : elemSize;
        return 8 + 8 * k + 8 * e + 8;
    }

    public static IReadOnlySet<long> BlockSizes(long keySize, long elemSize)
    {
        long bucket = BucketSize(keySize, elemSize);
        var sizes = new HashSet<long>();
        for (int b = 0; b <= 30; b++)
        {
            long n = (1L << b) + (b >= 4 ? 1L << (b - 4) : 0);
            long request = bucket * n;
            if (request > 1L << 40) break;
            sizes.Add(RoundUpSize(request));
        }
        return sizes;
    }
}
