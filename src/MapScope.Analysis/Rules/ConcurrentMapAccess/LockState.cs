using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// Whether some mutex is (or may be) held at a point of a file's functions, answered by the shared lock flow
/// (<see cref="FuncLocks"/>): per mutex, through branches, defers and the callers' locks. An earlier
/// version asked only whether the last lock call before the point was a Lock, of any mutex — so
/// `mu.Lock(); other.Lock(); other.Unlock(); m[k] = v` looked unlocked.
/// </summary>
internal sealed class LockState(FuncLocks locks, ParsedFile file)
{
    public bool HeldAt(int pos)
    {
        var body = locks.Enclosing(file, pos);
        return body != null && (locks.HeldAt(body, pos).Count > 0 || locks.MaybeHeldAt(body, pos).Any() || body.AssumesLockHeld);
    }
}
