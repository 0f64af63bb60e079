// How a pool is configured, and how big to make it.

package pool

import (
	"os"
	"runtime"
)

type config struct {
	maxFrame    int
	output      *os.File
	deathSignal bool
	prefetch    int
	pin         bool
	program     string // the workers' executable; "" is this one
}

// Option configures a Pool.
type Option func(*config)

// WithMaxFrame sets the largest message, argument or result, that may cross
// between parent and worker. Larger ones fail with ErrFrameTooLarge.
func WithMaxFrame(n int) Option { return func(c *config) { c.maxFrame = n } }

// WithOutput sends the workers' stdout and stderr to f instead of the
// parent's stderr.
func WithOutput(f *os.File) Option { return func(c *config) { c.output = f } }

// WithProgram starts the workers from the executable at path instead of
// from this program. A Go process costs its whole start-up to launch:
// dynamic linking when cgo is linked in, the runtime, and the
// initialisation of every package the binary contains (a test binary's
// include testing, testify and net/http). A small program that imports
// only what the workers run, built with CGO_ENABLED=0, starts in a
// fraction of that (bench.BenchmarkStartJoin/model=smallProcess). It must
// register the same functions under the same names and call
// ServeIfWorker first; New fails with ErrNotWorker if it does not.
func WithProgram(path string) Option { return func(c *config) { c.program = path } }

// DefaultPrefetch is how many tasks a busy worker may hold behind the one
// it is running, unless WithPrefetch says otherwise.
const DefaultPrefetch = 1

// WithPrefetch sets how many tasks may wait in a busy worker's pipe behind
// the one it is running, so that it starts the next as soon as it answers
// the last, without waiting for the parent to be scheduled (dispatch.go
// explains why that wait is long when the workers fill every CPU). A task
// is only ever prefetched when no worker is idle. The price: a prefetched
// task waits for its worker even if another worker frees up first, so with
// tasks of very different lengths 0 can be better.
func WithPrefetch(n int) Option { return func(c *config) { c.prefetch = n } }

// HasParentDeathSignal reports whether workers are killed by the kernel as
// soon as their parent dies. Elsewhere a worker notices only when it next
// reads its input pipe and finds it closed.
const HasParentDeathSignal = runtime.GOOS == "linux"

// WithCPUAffinity pins each worker to one CPU, spreading the workers over
// the CPUs the parent may use (round robin when there are more workers).
// Unpinned, the kernel may wake a worker onto the CPU where another is
// computing and leave it queued there while a CPU idles; pinned, a worker
// cannot move off a CPU that something else needs. Which costs more
// depends on the machine: multiprocessing.BenchmarkPoolVariants/pool=pinned
// measures it against the default (idle-ns/op is the time workers waited). A pinned
// worker's Go runtime sees one CPU, so its GOMAXPROCS is 1. Linux only; a
// no-op elsewhere.
func WithCPUAffinity() Option { return func(c *config) { c.pin = true } }

// CPUs is the number of CPUs this process may run on, the size of a pool
// with one worker per CPU: New(ctx, CPUs()) is Python's Pool() with no
// size. It is runtime.NumCPU: the CPUs in the process's affinity mask (on
// Linux, what sched_getaffinity allows; taskset -c 0,1 makes it 2), read
// once when the process started. A container's CPU quota is not counted.
// GOMAXPROCS is not the number to use: it bounds the threads running this
// process's Go code, not the processes that may run beside it, and
// go test -cpu changes it.
func CPUs() int { return runtime.NumCPU() }

// executable is the path workers are started from.
func (c *config) executable() (string, error) {
	if c.program != "" {
		return c.program, nil
	}
	return os.Executable()
}
