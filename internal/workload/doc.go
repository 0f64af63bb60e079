// Package workload holds the jobs every chapter runs, so that comparisons
// between models are like for like: the same work, whichever model does it.
//
// # The jobs
//
//   - fib.go: Fib, the doubly recursive Fibonacci that the classic
//     material uses as its CPU-bound task.
//   - spin.go: Spin, a busy loop without function calls (the "tight loop"
//     only asynchronous preemption can interrupt), and Calibrate, which
//     sizes it to a duration on this machine.
//   - io.go: SimulatedIO, a wait that uses no CPU and is virtual inside a
//     testing/synctest bubble.
//   - server.go: Server, a loopback HTTP server with configurable latency,
//     failures and holds, which counts the requests it had in flight.
//   - mixed.go: Mix, the fetch-and-compute job of the hybrid chapter and
//     the cross-model benchmarks, in three shapes (Mixes), with Fetch, its
//     serial baseline and its answer.
//
// # Sizes, not times
//
// Calibrate and BenchmarkFib are for choosing how much work a benchmark
// or a demonstration does. No test asserts how long a job really takes;
// the tests of SimulatedIO measure its waits in virtual time.
package workload
