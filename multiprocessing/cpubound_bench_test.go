package multiprocessing_test

// Claim M2: processes give parallelism for CPU-bound work. Four Fibonacci
// tasks run one after another (serial), on four goroutines, and on a warm
// pool of two worker processes. Every sub-benchmark reports its speedup
// over a serial run timed at the start of the same benchmark.
//
// Run:  go test -run '^$' -bench CPUBound -cpu 1,2 ./multiprocessing/
// See:  on 2 cores both speed up, and goroutines do at least as well as
//       the pool, which pays for pipes, JSON and worker wake-ups and buys
//       isolation, not speed (the committed report has the figures). At
//       -cpu 1 goroutines fall back to 1x while the pool's workers, each a
//       process with its own GOMAXPROCS, still use both cores.
//       parent-cpu-ns/op is what the parent burns per Map just handing out
//       tasks and collecting results; it runs on the workers' CPUs.

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing"
)

const (
	cpuTasks = 4
	cpuFibN  = 30
)

func serialFibs() {
	for range cpuTasks {
		workload.Fib(cpuFibN)
	}
}

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
				wg.Go(func() { workload.Fib(cpuFibN) })
			}
			wg.Wait()
		}
		reportSpeedup(b)
	})
	b.Run("processPool", func(b *testing.B) {
		pool, err := multiprocessing.NewPool(context.Background(), 2)
		if err != nil {
			b.Fatal(err)
		}
		defer pool.Close()
		inputs := make([]int, cpuTasks)
		for i := range inputs {
			inputs[i] = cpuFibN
		}
		b.ResetTimer()
		cpu0, ok := parentCPU()
		for range b.N {
			if _, err := multiprocessing.Fib.Map(context.Background(), pool, inputs); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		// What the parent itself spends per Map, although it only hands
		// out tasks: its wake-ups run on the CPUs the workers compute on.
		if cpu1, ok1 := parentCPU(); ok && ok1 {
			b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "parent-cpu-ns/op")
		}
		reportSpeedup(b)
		reportBytesPerTask(b, pool)
	})
}
