namespace MapScope.Evidence.Tests;

/// <summary>
/// Tests that measure the process's heap (GC.GetTotalMemory) while a reader streams hundreds of megabytes:
/// they run alone, after the parallel tests, so other tests' allocations are not counted as the reader's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "memory-measuring";
}
