// Package eventloop builds asyncio's event loop in the open, so that its
// claims (A1-A8, A10-A14 of the catalogue) can be checked in Go and set
// next to goroutines, which hide the same machinery in the runtime.
//
// Each file opens with the claim it shows (with its catalogue id, or none
// for a rule of this chapter's own), the command that shows it and what
// that command prints.
//
// # Reading order
//
//   - loop.go (A1): one goroutine, locked to one OS thread, runs every
//     task: a queue of ready steps and callbacks, timers, an inbox.
//   - callbacks.go (A10): asyncio's lower layer. CallSoon, CallLater and
//     CallAt set plain callbacks, with a TimerHandle to cancel the timed
//     ones, and a future's done-callbacks wait for an outcome with no
//     task at all (calllater_test.go). Tasks are built on the same two
//     queues: a step is one more ready entry, a Sleep one more timer.
//   - coro.go (A2): a task body is a coroutine built on iter.Pull, which
//     pauses at an await and resumes with its locals; why iter.Pull is
//     explained there.
//   - future.go (A6) and task.go (A4): a future is a result that arrives
//     later and Await pauses only its task; CreateTask starts a task at
//     the loop's next turn, awaited or not; Cancel arrives at an await.
//   - timers.go (A3): Sleep is an entry in the loop's own timers, and
//     a deadline already past is due at once. Deadlines set for one
//     duration queue up in a lane, in order, so 100,000 tasks sleeping
//     alike cost no heap sifting; fifo.go holds the queues in chunks, so
//     a burst costs no copying.
//   - gather.go (A5): Gather waits for many at once, WaitFor for one with
//     a deadline. queue.go: a Queue between tasks. wait.go, shield.go and
//     taskgroup.go: asyncio's wait (FirstCompleted, FirstException,
//     AllCompleted), as_completed, shield and TaskGroup, built on the
//     exported API for ROSETTA.md.
//   - semantics_test.go proves the material's timings in virtual time
//     (testing/synctest): three awaited 1 s waits take 3 s (A3), a created
//     task runs while its creator sleeps, 5 s not 6 (A4), three gathered
//     2 s waits take 2 s (A5), two tasks interleave in one order (A6).
//   - inline_test.go (A13): calling a coroutine is awaiting it directly;
//     it runs inline and costs no turn, where a task costs two.
//   - debug.go (A7): a task that never awaits stalls them all, and Debug
//     names it with its duration (blocking_test.go).
//   - executor.go (A8): ToThread and RunInExecutor move blocking calls
//     off the loop, which keeps serving. An Executor[A, R] runs calls of
//     one function: InGoroutines and Bounded on goroutines, and, in the
//     hybrid chapter, pool.Func.On (multiprocessing/pool) in worker processes, as
//     asyncio's ProcessPoolExecutor does. A panic off the loop comes back
//     to the awaiting task as a *PanicError (panic_executor_test.go).
//   - threadsafe.go (A14): the loop's tasks share memory with no lock
//     (sharing_test.go), and another goroutine reaches the loop only
//     through CallSoonThreadsafe, or through Submit (submit.go), asyncio's
//     run_coroutine_threadsafe.
//   - shutdown.go: when main returns, Run cancels what is left, waits for
//     calls off the loop and reports errors nobody retrieved, so nothing
//     outlives a loop.
//   - errors.go: every misuse has a named error (misuse_test.go): a nil
//     is ErrNil... rather than a nil-pointer panic (nil_test.go), and a
//     loop-only call from another goroutine is refused (foreign_test.go).
//   - costs_bench_test.go, waiting_bench_test.go and sleepers.go (A10,
//     A12, A13): what a loop task costs next to a goroutine, and what a
//     waiting unit holds on each layer (ParkWaiters parks them). A paused
//     coroutine keeps a goroutine stack, so a task buys asyncio's
//     one-thread semantics, not memory nor speed; a waiting callback
//     keeps only its closure and a queue entry, far less than either.
//   - example_test.go and http_test.go (A11): the material's fetch_data,
//     to_thread and concurrent HTTP stories.
//
// The epoll reactor, the loop with nothing hidden, is in ./reactor (A11).
//
// # Running it
//
//	go test -v ./eventloop/...
//	go test -run '^$' -bench . -cpu 1,2 ./eventloop/
//
// # Pictures
//
// Drawn from runtime traces, in testdata/pictures at the module root:
// a1-eventloop.svg (A1: the tasks take turns on the loop's thread) and
// a7-stalled-loop.svg (A7: a task that never awaits holds them all).
package eventloop
