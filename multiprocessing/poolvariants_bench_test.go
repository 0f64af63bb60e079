// Claim M2, the pool's own part: how the pool hands out work decides how
// close a warm pool of processes comes to the cores' worth of speedup on
// the CPU-bound job (workload.CPUJob, 4 × Fib(30)). The cross-model
// comparison, the pool against goroutines and the rest, is bench's
// BenchmarkCPUBound; this one compares the pool with itself.
//
//	go test -run '^$' -bench PoolVariants -cpu 1,2 ./multiprocessing/
//
// You will see speedup over a serial run timed at the start of the
// benchmark for pool=default (one task prefetched into a busy worker's
// pipe), pool=noPrefetch (a worker's next task sent only once it has
// answered the last; dispatch.go says why that is slower on a machine the
// workers fill) and pool=pinned (each worker on a CPU of its own), each
// pool one worker per CPU (workload.Workers). parent-cpu-ns/op is what the
// parent burns per Map just handing out tasks and collecting results; it
// runs on the workers' CPUs. idle-ns/op is how long, per Map, the workers
// sat waiting before their first task and between one task and the next,
// summed over workers: time lost to the parent or to the kernel's
// placement.

package multiprocessing_test

import (
	"context"
	"os"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func serialFibs() {
	for _, n := range workload.CPUJob {
		keepFib(workload.Fib(n))
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
func BenchmarkPoolVariants(b *testing.B) {
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

	for _, variant := range []struct {
		name string
		opts []pool.Option
	}{
		{"default", nil},
		{"noPrefetch", []pool.Option{pool.WithPrefetch(0)}},
		{"pinned", []pool.Option{pool.WithCPUAffinity()}},
	} {
		b.Run("pool="+variant.name, func(b *testing.B) {
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
	workers, err := workload.Workers()
	if err != nil {
		b.Fatal(err)
	}
	p, err := pool.New(context.Background(), workers, opts...)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	inputs := workload.CPUJob
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
