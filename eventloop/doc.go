// Package eventloop builds asyncio's event loop in the open, so that its
// claims (A1-A8, A10, A12-A14 of the catalogue) can be checked in Go and set
// next to goroutines, which hide the same machinery in the runtime.
//
// The chapter, in order:
//
//   - loop.go: one goroutine, locked to one OS thread, runs every task (A1).
//   - coro.go: task bodies are coroutines built on iter.Pull; they pause at
//     an await and resume later (A2). Why iter.Pull is explained there.
//   - future.go, task.go, timers.go, gather.go, queue.go: asyncio's words
//     in Go: Run, CreateTask, Await, Sleep, Gather, WaitFor, Cancel,
//     futures with CallSoon and CallSoonThreadsafe, and a Queue.
//   - semantics_test.go proves the material's timings in virtual time
//     (testing/synctest): three awaited 1 s waits take 3 s (A3); a created
//     task runs while its creator sleeps, 5 s not 6 (A4); gathering three
//     2 s waits takes 2 s (A5); two tasks interleave in a fixed order (A6).
//   - inline_test.go: a coroutine is a function taking the *Coro, and
//     calling it is awaiting it directly: it runs inline, in order, and
//     costs no turn of the loop; the same function given to CreateTask
//     starts only when its creator yields, two turns dearer (A13).
//   - sharing_test.go: the loop's tasks share a plain int with no lock and
//     no data race, yet lose an update held across an await; another
//     goroutine reaches the loop only through CallSoonThreadsafe (A14).
//   - submit.go: Submit, asyncio's run_coroutine_threadsafe: any goroutine
//     hands the running loop a coroutine and waits for its Pending result
//     with a context, and a loop that ends first still answers it.
//   - blocking_test.go: a task that never awaits stalls them all, and the
//     Debug mode names it with its duration (A7).
//   - executor.go: ToThread and RunInExecutor move blocking calls off the
//     loop, which keeps serving (A8); Executor is the seam through which
//     the hybrid chapter plugs in a process pool. A panic off the loop
//     comes back to the awaiting task as a *PanicError, as an exception
//     from asyncio's worker thread does (panic_executor_test.go).
//   - errors.go and misuse_test.go: every misuse has a named error, and
//     nothing outlives a loop. A nil argument is ErrNil... rather than a
//     nil-pointer panic (nil_test.go); a deadline already past times out
//     at once (timeout_test.go); and a loop-only call from another
//     goroutine is refused, since the loop could not see it
//     (foreign_test.go): operations without a *Coro check the calling
//     thread, and awaits check that their task is the one running.
//   - costs_bench_test.go: what a loop task costs next to a goroutine
//     (A10, A12). In Go a paused coroutine keeps a goroutine stack, so the
//     loop buys asyncio's one-thread semantics, not memory, nor speed: a
//     task is built from coroutine switches (BenchmarkSwitch/iterPull),
//     creating and awaiting one is two round trips through the loop
//     (compare BenchmarkCreateAwait/loopTask with BenchmarkSwitch/loopTasks)
//     where a direct await is a function call (BenchmarkDirectAwait, A13),
//     and a task that cannot reuse a parked coroutine first starts one
//     (BenchmarkCoroutineCreate), which is what every task in
//     BenchmarkManySleepers does.
//   - example_test.go: the material's fetch_data, to_thread and concurrent
//     HTTP stories.
//
// The epoll reactor, the loop with nothing hidden, is in ./reactor (A11).
//
// Run: go test -v ./eventloop/...
//
// Pictures drawn from runtime traces, in testdata/pictures at the module
// root: a1-eventloop.svg (A1: the tasks take turns on the loop's thread)
// and a7-stalled-loop.svg (A7: a task that never awaits holds them all).
package eventloop
