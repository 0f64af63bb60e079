// Package bench holds the comparisons that cut across chapters: each
// cross-model question is answered by exactly one benchmark here, whose
// sub-benchmarks are the models, so that they share a run and its
// conditions. Sub-benchmarks are named as benchstat keys (model=…, work=…),
// so that `go tool benchstat -col /model` lines the models up and
// `-col /gomaxprocs` shows how one scales.
//
// # The questions
//
//	BenchmarkCPUBound         workload.CPUJob (4 × Fib(30)) by model=serial,
//	                          goroutines, workerPool, processPool, eventLoop,
//	                          eventLoopExecutor; "speedup" over serial at the
//	                          same GOMAXPROCS (T2, M2, F8) and "cpu-cores",
//	                          the CPU this process kept busy (F4)
//	BenchmarkIOBound          64 waits of work=timer (1 ms), loopbackFast (a
//	                          loopback GET answered at once: the request's
//	                          CPU cost counts) and loopbackSlow (answered
//	                          after 5 ms), by model=serial, goroutines,
//	                          boundedPool, eventLoop, processPool; "tasks/s"
//	                          and "cpu-cores" (T3, D1, F4)
//	BenchmarkStartJoin        start and join one unit of work: model=goroutine,
//	                          osThread, loopTask, process (this test binary),
//	                          smallProcess (a small static worker program),
//	                          and two floors: goProgram (the smallest Go
//	                          program) and binTrue (true(1)) (T7, M4, A12)
//	BenchmarkRoundTrip        one message there and back: model=channel,
//	                          lockedOSThreads, loopQueue, pipe, unixSocket,
//	                          sharedMemory, poolTask, and one blocking-pipe
//	                          ping-pong whose partner is a thread of this
//	                          process (pipeThreads) or a child process
//	                          (pipeProcesses, the floor for pipes);
//	                          "ns/roundtrip" (F7, M3, A12)
//	BenchmarkMemoryPerWaiter  memory one waiting unit holds: model=goroutine,
//	                          loopTask, loopCallback and loopTimer (the
//	                          loop's layer below tasks), osThread, process;
//	                          "B/waiter" (D2, A10)
//
// The mixed workload, the hybrid chapter's own question, is answered once
// too, by hybrid.BenchmarkMixed (mix=…/model=…).
//
// # Sizes
//
// Every process pool has one worker per CPU unless ATLAS_WORKERS says
// otherwise (workload.Workers); the bounded pool of goroutines has as many
// slots as Python's ThreadPoolExecutor would on this machine
// (workload.ThreadPoolSize). Every model is built from the chapters' own
// exported pieces.
//
// # Running it
//
//	go run ./bench/cmd/report                               # all, with the report
//	go test -run '^$' -bench CPUBound -cpu 1,2,4 ./bench/   # one
package bench
