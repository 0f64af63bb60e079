// Package bench holds the comparisons that cut across chapters. Each is
// one benchmark whose sub-benchmarks are the models, so that they share a
// run and its conditions, and each reports the metric its claim is about:
//
//	BenchmarkCPUBound         4 × Fib(30): serial, goroutines, a worker pool,
//	                          a process pool, the event loop, and the loop
//	                          with an executor; "speedup" over serial (T2, M2, F8),
//	                          and "cpu-cores", the CPU this process kept busy (F4)
//	BenchmarkIOBound          64 waits of three kinds: a 1 ms timer (timer),
//	                          a loopback GET answered at once (loopbackFast:
//	                          short I/O, the request's CPU cost counts), one
//	                          answered after 5 ms (loopbackSlow: slow I/O,
//	                          many waits); serial, goroutines, a bounded
//	                          pool, the event loop (its GETs through
//	                          ToThread), a process pool (its workers GET);
//	                          "tasks/s" and "cpu-cores" (T3, D1, F4)
//	BenchmarkStart            start and join one goroutine, locked OS thread,
//	                          process, loop task (T7, M4)
//	BenchmarkRoundTrip        one message there and back: channel, locked OS
//	                          threads, pipe, Unix socket, shared memory, loop
//	                          queue; and one blocking-pipe ping-pong, the
//	                          same code on both sides, whose partner is a
//	                          thread of this process (pipeThreads) or a
//	                          child process (pipeProcesses), the like-for-like
//	                          test of thread against process; "µs/roundtrip"
//	                          (F7, M3, A12)
//	BenchmarkMemoryPerWaiter  memory one waiting unit holds: goroutine, loop
//	                          task, OS thread, process; "bytes/task" (D2, A10)
//
// The mixed workload is compared in the hybrid chapter (hybrid.BenchmarkMixed).
// Every model here is built from the chapters' own exported pieces.
//
// Run them all, with the report: go run ./bench/cmd/report
// Or one: go test -run '^$' -bench CPUBound -cpu 1,2,4 ./bench/
package bench
