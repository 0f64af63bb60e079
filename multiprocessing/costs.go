// Claims M2, M4 and F7: a process buys parallelism and isolation and pays
// for them in start-up time, memory and copying. In Go goroutines already
// run in parallel, so a process pool does not beat them on the same
// cores; what it buys is a crash that costs one task.
//
//	go test -run '^$' -bench 'CPUBound|StartJoin|RoundTrip|MemoryPerWaiter' ./bench/
//	go test -run '^$' -bench 'PoolVariants|TaskPayload' ./multiprocessing/
//
// The cross-model questions are measured once, in package bench, next to
// the machine's floors in the same run (StartJoin/model=binTrue, a tiny C
// program; RoundTrip/model=pipeProcesses, blocking pipes between two
// processes with raw system calls on both sides). You will see a worker's
// start in milliseconds against a goroutine's well under a microsecond; a
// few megabytes per idle worker; a pipe round trip in microseconds against
// a channel's hundreds of nanoseconds. This chapter keeps what only a pool
// can tell: its prefetch and pinning variants on the CPU-bound job, and
// time per task growing with the payload, which a goroutine hands over as
// a slice header. The committed report has the figures.
//
// What a Go process costs to start, and why. StartJoin's models form a
// ladder, each rung one cost more than the last:
//
//	binTrue       fork and exec of true(1): the kernel's part
//	goProgram     the smallest static Go program: plus the Go runtime's
//	              own start-up (heap arenas, the first threads, the
//	              scheduler) and exit
//	smallProcess  a small static worker program (testdata/programs/
//	              smallworker) run through StartProgram: plus this
//	              package's pipes, hello and output collection, and the
//	              initialisation of the few packages it links
//	process       this test binary as the worker: plus dynamic linking
//	              and cgo's start-up when cgo is linked in (the test
//	              binary links net), a binary several times the size to page
//	              in, and the initialisation of everything it contains,
//	              testing, testify and net/http among them, before
//	              TestMain can notice it is a worker
//
// Python's fork is cheaper than any of these because it copies a process
// that has already started; Go cannot fork a running runtime, so a worker
// always starts from the beginning. The cure within reach is the rung a
// program chooses: pool.WithProgram and StartProgram start workers from a
// small program of their own, and the pool keeps its workers warm so that
// the start is paid once.

package multiprocessing
