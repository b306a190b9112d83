using MapScope.Analysis.Framework;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.InconsistentMapLock;

/// <summary>A map whose accesses hold one mutex, written (or read) without it in one place.</summary>
public sealed class InconsistentMapLockAnalyzer : Analyzer
{
    public override string Id => "inconsistent-map-lock";
    public override string Title => "map accessed without the mutex its other accesses hold";
    public override Severity DefaultSeverity => Severity.Error;

    // On since its precision on real code passed the 90% bar (docs/rules/EVALUATION.md, 2026-12-02: 27 repositories
    // at HEAD and the vendor trees of four, every finding a race).
    public override bool EnabledByDefault => true;

    public override string Doc => """
        When most accesses of a map hold one mutex, the code says the map is shared between goroutines. An
        access without that mutex races with the others, and the runtime kills the process: `fatal error:
        concurrent map writes`, `concurrent map read and map write` or `concurrent map iteration and map write`.
        The bugs that ship look like this: a deferred cleanup that deletes without the lock, a lazy
        initialisation, a getter that forgot it, a helper called before the lock is taken, a method that holds
        a different mutex, a goroutine started by a method.

        The guard of a map (a struct field of a type of this package, or a package-level variable) is the mutex
        named in a comment next to it (`m map[K]V // guarded by mu`, `mu sync.Mutex // protects m`,
        `// guards the fields below`), or else the mutex held at most of its accesses (at least two, and at
        least half of them). Locks are followed through the function's control flow (an unlock in one branch
        does not unlock the other), through `defer`, and into helpers: a function whose every call in the
        package holds the lock runs with it (calls from tests and calls a constructor makes on the value it is
        building do not count; a function only they call says nothing). A lock released by a function that did
        not take it is held from its entry (a hand-off), and by every other method of that value's type (a
        session: `StartCollection` locks, `Finish` unlocks). Functions named `…Locked`, `…NoLock`,
        `unlocked…`, `locked…` or documented as needing the caller's lock count as holding it; a lock taken only
        on some paths (`if doLock { mu.Lock() }`), or held through another path to the same kind of mutex
        (`br.cacheLock` where the guard is `user.Bridge.cacheLock`), makes the access unknown. Encoders and
        printers handed the map (`json.Marshal(m)`, `enc.Encode(m)`, `fmt.Sprint(m)`) iterate it.

        Reported: writes and deletes without the guard; reads and iterations without it when the guard is
        documented or when every write (at least two) holds it — unless every write refuses to run once the
        value has started (`if s.serve { log.Fatal("Register after Serve") }`: the map no longer changes when
        it is read). Not reported: accesses through a value the function created itself (a constructor filling
        its struct), `init`, functions for tests, test files, callbacks given a database transaction
        (`func(tx *bolt.Tx) error`, serialized by the database), and maps of types documented as one goroutine's
        (`// Used in readloop`, `not safe for concurrent use`).

        Fix: take the guard around the access too, or document why it is safe and silence the line.
        """;

    public override string BadExample => """
        type Server struct {
        	mu    sync.Mutex
        	conns map[string]*Conn
        }

        func (s *Server) Add(c *Conn) { s.mu.Lock(); s.conns[c.id] = c; s.mu.Unlock() }
        func (s *Server) Remove(id string) { s.mu.Lock(); delete(s.conns, id); s.mu.Unlock() }

        func (s *Server) Serve(c *Conn) {
        	s.Add(c)
        	defer delete(s.conns, c.id) // without s.mu
        }
        """;

    public override string GoodExample => """
        func (s *Server) Serve(c *Conn) {
        	s.Add(c)
        	defer s.Remove(c.id)
        }
        """;

    public override void Run(Pass pass) => InconsistentLocking.Run(pass, new HashSet<Node>(ReferenceEqualityComparer.Instance));
}
