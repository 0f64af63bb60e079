// Claim M2: processes give parallelism for CPU-bound work. Four Fibonacci
// tasks run one after another (serial), on four goroutines, and on a warm
// pool of two worker processes. Every sub-benchmark reports its speedup
// over a serial run timed at the start of the same benchmark.
//
//	go test -run '^$' -bench CPUBound -cpu 1,2 ./multiprocessing/
//
// You will see on 2 cores both speed up, and goroutines do at least as well
// as the pool, which pays for pipes, JSON and worker wake-ups and buys
// isolation, not speed (the committed report has the figures). At -cpu 1
// goroutines fall back to 1x while the pool's workers, each a process with
// its own GOMAXPROCS, still use both cores. parent-cpu-ns/op is what the
// parent burns per Map just handing out tasks and collecting results; it
// runs on the workers' CPUs. idle-ns/op is how long, per Map, the workers
// sat waiting before their first task and between one task and the next,
// summed over workers: time lost to the parent or to the kernel's placement.

package multiprocessing_test

import (
	"context"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

const (
	cpuTasks = 4
	cpuFibN  = 30
)

func serialFibs() {
	for range cpuTasks {
		keepFib(workload.Fib(cpuFibN))
	}
}

// fibSink keeps every Fib result, so that no call can be optimised away
// as one whose value nobody reads.
var fibSink atomic.Int64

func keepFib(v int) { fibSink.Add(int64(v)) }

// The sub-benchmarks loop over b.N, not b.Loop: in Go 1.26 a b.Loop
// sub-benchmark measures its first -cpu value under whatever GOMAXPROCS
// the previous run left behind (testing sets GOMAXPROCS only after the
// sub-benchmark's first call, and b.Loop measures within that call), and
// this benchmark exists to be run with -cpu.
func BenchmarkCPUBound(b *testing.B) {
	// The baseline: the fastest of three serial runs, measured now, under
	// the same conditions as the sub-benchmarks.
	serial := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		serialFibs()
		serial = min(serial, time.Since(start))
	}
	reportSpeedup := func(b *testing.B) {
		perOp := b.Elapsed() / time.Duration(b.N)
		b.ReportMetric(float64(serial)/float64(perOp), "speedup")
	}

	b.Run("serial", func(b *testing.B) {
		for range b.N {
			serialFibs()
		}
		reportSpeedup(b)
	})
	b.Run("goroutines", func(b *testing.B) {
		for range b.N {
			var wg sync.WaitGroup
			for range cpuTasks {
				wg.Go(func() { keepFib(workload.Fib(cpuFibN)) })
			}
			wg.Wait()
		}
		reportSpeedup(b)
	})
	// processPool is the pool as it comes; processPoolNoPrefetch hands a
	// worker its next task only after it has answered the last (see
	// dispatch.go for why that is slower on a machine the workers fill);
	// processPoolPinned keeps each worker on a CPU of its own.
	for _, variant := range []struct {
		name string
		opts []pool.Option
	}{
		{"processPool", nil},
		{"processPoolNoPrefetch", []pool.Option{pool.WithPrefetch(0)}},
		{"processPoolPinned", []pool.Option{pool.WithCPUAffinity()}},
	} {
		b.Run(variant.name, func(b *testing.B) {
			benchmarkPool(b, variant.opts)
			reportSpeedup(b)
		})
	}
}

// span is when one task ran in a worker, by the machine's wall clock,
// which all processes share.
type span struct {
	PID        int
	Start, End int64 // Unix ns
}

// timedFib is workload.Fib that also says when and where it ran.
var timedFib = pool.Define("bench/timed-fib", func(n int) (span, error) {
	start := time.Now().UnixNano()
	keepFib(workload.Fib(n))
	return span{PID: os.Getpid(), Start: start, End: time.Now().UnixNano()}, nil
})

// idleTime sums, over workers, the wait from the Map's start to the
// worker's first task and the gaps between its tasks.
func idleTime(mapStart int64, spans []span) time.Duration {
	slices.SortFunc(spans, func(a, b span) int {
		if a.PID != b.PID {
			return a.PID - b.PID
		}
		return int(a.Start - b.Start)
	})
	var idle int64
	for i, s := range spans {
		if i == 0 || s.PID != spans[i-1].PID {
			idle += s.Start - mapStart
		} else {
			idle += s.Start - spans[i-1].End
		}
	}
	return time.Duration(idle)
}

func benchmarkPool(b *testing.B, opts []pool.Option) {
	p, err := pool.New(context.Background(), 2, opts...)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	inputs := make([]int, cpuTasks)
	for i := range inputs {
		inputs[i] = cpuFibN
	}
	b.ResetTimer()
	cpu0, ok := parentCPU()
	var idle time.Duration
	for range b.N {
		start := time.Now().UnixNano()
		spans, err := timedFib.Map(context.Background(), p, inputs)
		if err != nil {
			b.Fatal(err)
		}
		idle += idleTime(start, spans)
	}
	b.StopTimer()
	b.ReportMetric(float64(idle)/float64(b.N), "idle-ns/op")
	// What the parent itself spends per Map, although it only hands out
	// tasks: its wake-ups run on the CPUs the workers compute on.
	if cpu1, ok1 := parentCPU(); ok && ok1 {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "parent-cpu-ns/op")
	}
}
