namespace MapScope.Evidence.GcTrace;

/// <summary>The plain answer about the live heap after GC.</summary>
public enum HeapVerdict
{
    /// <summary>Too few GCs (or too short a run) to tell.</summary>
    NotEnoughData,
    /// <summary>No significant growth in the later half of the run.</summary>
    Steady,
    /// <summary>The live heap keeps growing through the later half of the run: likely a leak.</summary>
    Growing,
}
