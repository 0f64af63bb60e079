// Package multiprocessing is the chapter on real operating-system
// processes: starting and joining them, a pool of reusable workers, the
// ways processes talk, what they cost, and how to leave none behind.
//
// # Re-executing instead of forking
//
// Python's multiprocessing forks the running interpreter. Go cannot: fork
// copies only the calling thread, and a Go program is many threads (the
// scheduler, the garbage collector, timers) whose locks the copy would
// inherit mid-use. A Go worker is therefore the same executable started
// again with a marker in its environment. One call, first thing in main
// or TestMain, turns such a process into a worker and never returns there;
// everywhere else it returns at once (worker.go). In a program:
//
//	func main() {
//		multiprocessing.ServeIfWorker()
//		// the program itself, which a worker never reaches
//	}
//
// and in a package whose tests start workers:
//
//	func TestMain(m *testing.M) {
//		multiprocessing.ServeIfWorker()
//		goleak.VerifyTestMain(m) // or os.Exit(m.Run())
//	}
//
// Atlas's own TestMain (main_test.go) puts one more call between the two:
// its child scenes, the demonstrations that must crash or hang in a
// process of their own, are dispatched there too, by the module's internal
// scene package.
//
// A program that forgets the call runs its own code twice: the worker is
// the same program, so it runs main again (a test binary, its whole suite)
// instead of the function. Nothing stops that second run; the parent only
// hears of it afterwards, when NewPool or Join returns ErrNotWorker
// (TestStartNoticesAMissingServeIfWorker).
//
// Functions are registered by name at package level (Register, or Define
// for typed ones), so a freshly started worker knows them too. This works
// from a test binary, a built binary and `go run` alike
// (TestPoolWorksFromABuiltBinaryAndGoRun, cmd/poolmap).
//
// # The chapter, in order
//
//  1. Start and join (M1, process.go): Start runs one function in a new
//     process; Join collects its pid, exit status and output.
//     Example_startJoin is the material's three-process example.
//  2. A pool (M5, pool.go, dispatch.go, future.go, typed.go): NewPool
//     keeps n workers, NewPool(ctx, CPUs()) one per CPU the process may
//     use, as Python's Pool() does; Submit returns a Future; Map keeps
//     input order; Close drains, then stops; Terminate kills. A busy
//     worker holds one more task in its pipe, so it never waits for the
//     parent between two tasks (prefetch_test.go says what that may and
//     may not cost). WithCPUAffinity pins each worker to a CPU of its own
//     (affinity_linux.go). ExampleFunc_Map is the material's
//     Pool.map(fib, [28, 30, 32]). Messages are length-prefixed frames over
//     pipes (frame.go) holding a small hand-made envelope (message.go);
//     FuzzReadFrame feeds the decoder garbage.
//  3. Failure is reported, nothing is lost (F6, errors.go): a panic, a
//     returned error, a worker killed mid-task, an unknown function, an
//     undecodable argument or result and an oversized frame each fail one
//     task with a typed error; the pool replaces dead workers and finishes
//     the rest, including the tasks that were waiting in a dead worker's
//     pipe. TestPoolSoakUnderRandomKills holds it to that over thousands
//     of tasks while workers are killed at random. A mistake in Register
//     or Define (a nil function, a bad or reused name) is refused at init
//     with a panic of ErrBadRegistration, before any worker could run it.
//  4. No orphans (M6, spawn.go, cleanup_test.go): Close, Terminate, a
//     cancelled context and a parent killed with SIGKILL all leave no
//     worker behind. On Linux the parent-death signal kills busy workers;
//     everywhere a worker exits when its input pipe closes. The signal is
//     tied to the forking thread, so a pool forks from one locked thread
//     (TestDeathSignalFollowsTheForkingThread shows the trap).
//  5. Isolation (F2, isolation_test.go): a worker's package variables are
//     its own; only messages, or an explicit shared mapping, cross.
//  6. Ways to talk (M3, ipc.go, ipc_unix.go, shm_linux.go): pipes, a Unix
//     domain socket pair, and a memfd page mapped by several processes that
//     add to one counter atomically and reach the exact total.
//  7. Costs (M2, M4, F7, the *_bench_test.go files): BenchmarkSpawnJoin,
//     BenchmarkRoundTrip, BenchmarkCPUBound, BenchmarkWorkerMemory and
//     BenchmarkTaskPayload. Two of their sub-benchmarks are not Go's cost
//     but the machine's floor, measured in the same run: SpawnJoin/binTrue
//     starts a tiny C program, RoundTrip/rawPipe bounces bytes over
//     blocking pipes between two locked threads. The pipe peer's pipes are
//     blocking too, which brings it to that floor; the pool's are not,
//     because a thread blocked in read(2) for a whole task keeps the
//     runtime's monitor thread busy on CPUs the workers need
//     (pipe_unix.go). For the same reason the pool reads and writes its
//     pipes with raw system calls on Linux (quietpipe_linux.go).
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
// Picture drawn from a runtime trace of the parent, in testdata/pictures
// at the module root: m2-pool-parent.svg (the parent's Ps idle while its
// workers compute in other processes).
package multiprocessing
