// Package multiprocessing is the chapter on real operating-system
// processes: starting and joining them, a pool of reusable workers, the
// ways processes talk, what they cost, and how to leave none behind. The
// pool itself, a library that programs can use, is package ./pool; this
// chapter is the lesson it serves.
//
// # Re-executing instead of forking
//
// Python's multiprocessing forks the running interpreter. Go cannot: fork
// copies only the calling thread, and a Go program is many threads (the
// scheduler, the garbage collector, timers) whose locks the copy would
// inherit mid-use. A Go worker is therefore the same executable started
// again with a marker in its environment, and one call first thing in
// main turns such a process into a worker that never returns there:
//
//	func main() {
//		pool.ServeIfWorker()
//		// the program itself, which a worker never reaches
//	}
//
// In a test binary the same call is part of scene.Main, the one line of
// every TestMain in Atlas. A program that forgets it runs its own code
// twice: the worker is the same program, so it runs main again (a test
// binary, its whole suite) instead of the function. Nothing stops that
// second run; the parent hears of it afterwards, when pool.New or Join
// returns pool.ErrNotWorker (TestStartNoticesAMissingServeIfWorker).
//
// Functions are registered by name at package level (pool.Register, or
// pool.Define for typed ones), so a freshly started worker knows them too.
// This works from a test binary, a built binary and `go run` alike
// (TestPoolWorksFromABuiltBinaryAndGoRun, cmd/poolmap).
//
// # Reading order
//
// Each file says what to run and what you will see.
//
//  1. Start and join (M1): process.go. Start runs one function in a new
//     process; Join collects its pid, exit status and output.
//     Example_startJoin is the material's three-process example.
//  2. The pool's map (M5): poolmap.go. Example_poolMap is the material's
//     Pool.map(fib, [28, 30, 32]), on workers that are started once and
//     reused.
//  3. Failure (F6): failure.go. A panic, an error or a killed worker
//     costs one task; the pool replaces the worker and finishes the rest.
//  4. No orphans (M6): orphans.go. Close, Terminate, a cancelled context
//     and a parent killed with SIGKILL all leave no worker behind, and the
//     parent-death signal's trap is shown, then avoided.
//  5. Isolation (F2, M7): isolation_test.go and ownruntime_linux_test.go.
//     A worker's package variables are its own, and so is its whole Go
//     runtime; only messages, or an explicit shared mapping, cross.
//  6. Ways to talk (M3): ipc.go, ipc_unix.go, shm_linux.go. Pipes, a Unix
//     domain socket pair, and a memfd page mapped by several processes
//     that add to one counter atomically and reach the exact total.
//  7. Costs (M2, M4, F7): costs.go and the *_bench_test.go files, each
//     measured next to the machine's floor in the same run.
//
// # The verdict for Go
//
// Processes do give parallelism for CPU-bound work (M2), as the material
// says, but in Go goroutines already had it: there is no interpreter lock
// to get past, so with the same cores a process pool does not beat
// goroutines, and it pays for starting workers, copying every argument and
// result through the kernel, and a few megabytes per worker. What a
// process buys in Go is isolation: its own memory, and a crash (a panic, a
// kill, a runaway allocation) that costs one task instead of the program.
//
// # Pictures
//
// Drawn from a runtime trace of the parent, in testdata/pictures at the
// module root: m2-pool-parent.svg (the parent's Ps idle while its workers
// compute in other processes).
package multiprocessing
