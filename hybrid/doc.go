// Package hybrid is the chapter on combining models (claims H1-H4, A9).
// The material ends by recommending hybrids: an event loop for I/O with a
// process pool for CPU work, a loop with a thread pool for blocking calls,
// a process pool whose workers use threads for I/O. This chapter builds
// each from the pieces the other chapters made and runs them all on one
// mixed job (internal/workload.Mix: fetch items from a loopback server,
// compute Fibonacci on each, add up), so they can be compared.
//
// The chapter exports nothing: its architectures are lessons to read and
// run, built on the mixed job of Atlas's internal workload package, and
// the reusable pieces they are made of live in the other chapters.
//
// # Reading order
//
//   - env.go: what an architecture is, and serialArch, the baseline.
//   - goroutines.go (H4): one goroutine per item, the idiomatic Go answer.
//   - loop.go (H1, H2, A9): the event-loop architectures, with everything
//     on the loop (it stalls), with the fetches on goroutines (H2), and
//     with the computing on goroutines or in worker processes (A9, H1).
//     The loop reaches either through eventloop.RunInExecutor: the
//     goroutines through eventloop.InGoroutines, the processes through
//     compute.On(pool), the pool's own executor, which the task awaits
//     like any other (executor_test.go shows the result come from a
//     worker's pid and a worker's death reach the task).
//   - processes.go (H1, H3): the worker side, and a process pool whose
//     workers fetch their own items with goroutines (H3).
//   - pipeline.go (H4): stages joined by channels, each sized for its work.
//   - hybrid_test.go: every architecture must give the serial answer; a
//     failed fetch, a worker killed mid-run and a cancelled job each reach
//     the caller, nothing is counted twice, and nothing is left running.
//   - mixed_bench_test.go (H4): BenchmarkMixed, every architecture on
//     three mixes (mostly waiting, balanced, mostly computing).
//
// # Running it
//
//	go test -v ./hybrid/
//	go test -run '^$' -bench Mixed -cpu 1,2 ./hybrid/
//
// # The verdict for Go
//
// From the committed run (testdata/bench at the module root, checked by the
// tests and by each run of the report command): once GOMAXPROCS covers the
// cores, no hybrid beats plain goroutines on any mix by more than 15%, and
// where one edges ahead README's table calls it a tie, so H4 does not hold
// in Go. The runtime already is the hybrid the material builds by hand: its
// netpoller parks goroutines that wait on the network, and its scheduler
// spreads the computing goroutines over the cores. The hybrids work and are
// correct; each pays for a hand-off (a loop's turn, a pipe to a worker)
// that goroutines do not. Three things are worth knowing. Inside an event
// loop, a process pool does the computing of the balanced and
// computing-heavy mixes faster than a goroutine executor (A9), most likely
// because the loop's one thread needs a P for every hand-off while
// goroutines that compute hold the Ps (not yet measured on its own). A
// process pool brings cores of its own, so when a program is held to
// GOMAXPROCS=1 the pool with goroutine I/O beats plain goroutines on the
// computing-heavy mix (H3). And a process pool isolates crashes: a worker
// killed mid-run costs one task, not the program
// (TestAWorkerKilledMidRunReachesTheCaller).
//
// # Beyond one machine
//
// When the work no longer fits one machine the question changes from "which
// model" to "which queue and which scheduler between machines", and a Go
// team reaches for existing engines rather than writing one: a message
// broker or log (NATS, Kafka) to hand work between processes, a durable
// workflow engine (Temporal) when tasks must survive crashes and retries,
// and a cluster scheduler (Kubernetes jobs) to place worker processes.
// Inside each process the answer of this chapter still holds: goroutines
// for both the waiting and the computing.
package hybrid
