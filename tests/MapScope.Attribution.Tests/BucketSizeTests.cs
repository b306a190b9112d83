using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Attribution.Types;
using MapScope.Evidence.Pprof;
using MapScope.TestSupport;

namespace MapScope.Attribution.Tests;

/// <summary>Telling a map's bucket arrays from the values stored on the same line, by the heap's `bytes` label.</summary>
public sealed class BucketSizeTests
{
    [Fact]
    public void ClassicBucketLayoutAndSizeClasses()
    {
        // map[string]*T on amd64: 8 tophash + 8×16 key + 8×8 elem + 8 overflow pointer
        Assert.Equal(208, MapBuckets.BucketSize(16, 8));
        // keys and elements over 128 bytes are stored indirectly (8-byte pointers)
        Assert.Equal(8 + 64 + 64 + 8, MapBuckets.BucketSize(200, 4096));
        Assert.Equal(208, MapBuckets.RoundUpSize(200));
        Assert.Equal(32768, MapBuckets.RoundUpSize(32000));
        Assert.Equal(40960, MapBuckets.RoundUpSize(32769)); // large objects: whole 8 KiB pages
        var sizes = MapBuckets.BlockSizes(16, 8);
        // B = 12: 4096 buckets + 256 preallocated overflow buckets = 905,216 bytes, rounded to 111 pages
        Assert.Contains(909_312, sizes);
        Assert.Contains(208, sizes);  // B = 0, and single overflow buckets
        Assert.Contains(4096, sizes); // B = 4: 17 × 208 = 3,536 rounds up to the 4 KiB class
    }

    [Fact]
    public void CacheFixtureSplitsBucketArraysFromTheFourKilobyteValues()
    {
        var attributor = new HeapSiteAttributor(new SourceIndex(RepoPaths.Combine("tests", "fixtures", "heap", "cache")));
        var a = attributor.Attribute("/build/cache/main.go", 17, "main.remember");
        Assert.NotNull(a);
        Assert.Equal(MapOperation.ValueStored, a!.Operation);
        Assert.NotNull(a.BucketBlockSizes);
        Assert.Contains(909_312, a.BucketBlockSizes!);
        // the value &entry{} is 4096 bytes: that size is the values', not the buckets', on this line
        Assert.DoesNotContain(4096, a.BucketBlockSizes!);
    }

    [Fact]
    public void UnknownValueSizeClaimsNoSplit()
    {
        // index[word] = append(index[word], pos): the appended slices have no fixed size
        var attributor = new HeapSiteAttributor(new SourceIndex(RepoPaths.Combine("tests", "fixtures", "heap", "appendslices")));
        var a = attributor.Attribute("/build/appendslices/main.go", 14, "main.record");
        Assert.NotNull(a);
        Assert.Equal(MapOperation.ValueStored, a!.Operation);
        Assert.Null(a.BucketBlockSizes);
    }
}
