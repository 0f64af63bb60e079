// Claim M6: workers must not outlive their parent. Every way a pool can
// end (Close, Terminate, its context cancelled, the parent killed
// outright) reaps or kills every worker it started.
//
//	go test -run 'Terminate|Cancel|Orphan|DeathSignal|Outlives' -v ./multiprocessing/...
//
// You will see each test ask the OS whether the worker pids still exist,
// and find none. Linux adds the parent-death signal, which kills a worker
// the moment its parent dies, but it fires when the *thread* that forked
// the worker ends, not the process, and the Go runtime retires threads as
// it pleases: a worker forked from an arbitrary goroutine can die in the
// middle of a healthy run (TestDeathSignalFollowsTheForkingThread shows
// it). So every worker of a pool is forked from one locked thread that
// lives as long as the pool: internal/child's Forker.

package multiprocessing
