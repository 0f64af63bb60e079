// Package pool runs Go functions in a pool of worker processes, as
// Python's multiprocessing.Pool does: results in input order, workers
// started once and reused, and a crash that costs one task, never the
// program.
//
// # Workers are this program, started again
//
// Go cannot fork a running program, so a worker is the same executable
// started again, and one call first thing in main (and in TestMain) turns
// that process into a worker that never returns there:
//
//	var fib = pool.Define("myapp/fib", func(n int) (int, error) { ... })
//
//	func main() {
//		pool.ServeIfWorker()
//		p, err := pool.New(ctx, pool.CPUs())
//		...
//		results, err := fib.Map(ctx, p, []int{28, 30, 32})
//	}
//
// Functions are registered by name at package level (Register for bytes,
// Define for typed ones), so a freshly started worker knows them too. A
// program that forgets ServeIfWorker runs its own main again in each
// worker; New notices and returns ErrNotWorker.
//
// # Using a pool
//
// New(ctx, n) starts n workers and waits until all are ready. Submit
// returns a Future; Map keeps input order; Close lets queued work finish,
// then stops the workers; Terminate, or cancelling New's context, kills
// them. A Func's On(p) is an executor for the event loop's RunInExecutor.
//
// # Failure
//
// A panic, a returned error, a worker killed mid-task, an unknown
// function, an undecodable argument or result and an oversized message
// each fail one task with an error of its own (TaskPanicError, TaskError,
// WorkerDiedError, ErrUnknownFunc, ErrDecode, ErrFrameTooLarge). The pool
// replaces a dead worker and finishes the rest, the tasks that were
// waiting in its pipe included. No worker outlives its pool: not after
// Close or Terminate, and on Linux not after its parent is killed.
//
// # On the wire
//
// Each message is a length-prefixed frame (frame.go) holding a small
// envelope (message.go); Func encodes arguments and results as JSON. A
// busy worker holds one more task in its pipe, so it never waits for the
// parent between two tasks (WithPrefetch); WithCPUAffinity pins each
// worker to a CPU of its own.
//
// The multiprocessing chapter is the lesson this package serves: what a
// pool costs and buys next to goroutines, measured.
package pool
