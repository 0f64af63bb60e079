// Claims M2, M4 and F7: a process buys parallelism and isolation and pays
// for them in start-up time, memory and copying. In Go goroutines already
// run in parallel, so a process pool does not beat them on the same
// cores; what it buys is a crash that costs one task.
//
//	go test -run '^$' -bench 'CPUBound|SpawnJoin|RoundTrip|WorkerMemory|TaskPayload' ./multiprocessing/
//
// You will see, next to the machine's floors measured in the same run
// (SpawnJoin/binTrue, a tiny C program; RoundTrip/rawPipe, blocking pipes
// between two locked threads): a worker's start in milliseconds against a
// goroutine's well under a microsecond; a few megabytes per idle worker;
// a pipe round trip in microseconds against a channel's hundreds of
// nanoseconds; and time per task growing with the payload, which a
// goroutine hands over as a slice header. Each benchmark file says what
// its columns mean; the committed report has the figures.

package multiprocessing
