// Package child starts children of this program and never loses one.
//
// Go cannot fork a running program: fork copies only the calling thread,
// and the runtime's other threads (scheduler, collector, timers) would be
// missing from the copy with their locks half-held. So every child in
// Atlas, a scene that shows a data race or a worker of a process pool, is
// the same executable started again with one marker in its environment
// naming an entry point. The first call in main or TestMain, Serve, finds
// the marker, runs that entry point and exits; in any other process it
// returns at once.
//
// # Entry points
//
// A package registers its entry points at init time, so that they exist in
// the parent and in every child before Serve runs:
//
//	func init() { child.Register("pool/worker", servePool) }
//
// Env builds a child's environment: the parent's, without a marker it may
// have inherited, with the entry's marker and with the race detector told
// not to linger at exit.
//
// # Never losing a child
//
// Attrs gives a child its own process group, so that a kill reaches
// everything it started, and on Linux the parent-death signal, so that it
// dies when its parent does. The kernel sends that signal when the thread
// that forked the child ends, and the Go runtime retires threads as it
// pleases, so a child must be forked from a thread that stays put until
// the child is reaped: a Forker is such a thread. It can also pin a child
// to one CPU from its first instruction. KillGroup, WaitGroupGone and
// Alive are how a parent makes sure that nothing it started lives on.
package child
