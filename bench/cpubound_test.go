package bench

import (
	"context"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
	"github.com/concurrency-atlas/atlas/threading"
)

// cpuModel runs workload.CPUJob one way; p is the warm process pool, one
// worker per CPU (workload.Workers), for the models that need one.
type cpuModel struct {
	name string
	run  func(ctx context.Context, p *pool.Pool, ns []int) ([]int, error)
}

var cpuModels = []cpuModel{
	{"serial", func(_ context.Context, _ *pool.Pool, ns []int) ([]int, error) {
		return threading.FibSerial(ns), nil
	}},
	{"goroutines", func(_ context.Context, _ *pool.Pool, ns []int) ([]int, error) {
		return threading.FibGoroutines(ns), nil
	}},
	{"workerPool", func(_ context.Context, _ *pool.Pool, ns []int) ([]int, error) {
		return fibWorkerPool(ns, runtime.GOMAXPROCS(0)), nil
	}},
	{"processPool", func(ctx context.Context, p *pool.Pool, ns []int) ([]int, error) {
		return pool.Fib.Map(ctx, p, ns)
	}},
	{"eventLoop", func(_ context.Context, _ *pool.Pool, ns []int) ([]int, error) {
		return fibOnLoop(ns, nil)
	}},
	{"eventLoopExecutor", func(_ context.Context, _ *pool.Pool, ns []int) ([]int, error) {
		return fibOnLoop(ns, eventloop.InGoroutines(func(_ context.Context, n int) (int, error) { return workload.Fib(n), nil }))
	}},
}

// fibWorkerPool is a fixed pool of goroutines fed by a channel: the shape
// of a thread pool, for comparison with a goroutine per task.
func fibWorkerPool(ns []int, workers int) []int {
	out := make([]int, len(ns))
	jobs := make(chan int)
	done := make(chan struct{})
	for range workers {
		go func() {
			for i := range jobs {
				out[i] = workload.Fib(ns[i])
			}
			done <- struct{}{}
		}()
	}
	for i := range ns {
		jobs <- i
	}
	close(jobs)
	for range workers {
		<-done
	}
	return out
}

// fibOnLoop computes each number in a loop task; with an executor, each
// task hands its computation to it and awaits the result.
func fibOnLoop(ns []int, ex eventloop.Executor[int, int]) ([]int, error) {
	return eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]int, error) {
		tasks := make([]eventloop.Awaitable[int], len(ns))
		for i, n := range ns {
			tasks[i] = eventloop.CreateTask(co, "fib", func(co *eventloop.Coro) (int, error) {
				if ex == nil {
					return workload.Fib(n), nil
				}
				return eventloop.RunInExecutor(co, ex, n)
			})
		}
		return eventloop.Gather(co, tasks...)
	})
}

// newPool starts the benchmarks' process pool: as many workers as
// workload.Workers says, one per CPU unless ATLAS_WORKERS sets it.
func newPool(tb testing.TB) *pool.Pool {
	tb.Helper()
	workers, err := workload.Workers()
	require.NoError(tb, err)
	p, err := pool.New(context.Background(), workers)
	require.NoError(tb, err)
	tb.Cleanup(func() { assert.NoError(tb, p.Close()) })
	return p
}

func TestEveryCPUModelComputesTheSameAnswer(t *testing.T) {
	p := newPool(t)
	ns := []int{10, 15, 20, 5}
	want := []int{55, 610, 6765, 5}
	for _, m := range cpuModels {
		t.Run(m.name, func(t *testing.T) {
			got, err := m.run(t.Context(), p, slices.Clone(ns))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// BenchmarkCPUBound runs workload.CPUJob under every model, each a
// sub-benchmark keyed model=<name> so that benchstat -col /model lines
// them up. speedup is serial's
// time at the same GOMAXPROCS over the model's; cpu-cores is the CPU this
// process kept busy (a process pool's workers are not counted in it): the testing package runs
// every -cpu setting of one sub-benchmark before the next, so serial's
// times are kept per setting. The loops run over b.N, not b.Loop: with
// Go 1.26 a b.Loop sub-benchmark measures its first -cpu value under the
// GOMAXPROCS the previous run left behind, which would mislabel the very
// column this benchmark is about.
func BenchmarkCPUBound(b *testing.B) {
	p := newPool(b)
	serial := map[int]float64{}
	for _, m := range cpuModels {
		b.Run("model="+m.name, func(b *testing.B) {
			ctx := context.Background()
			cpu := startCPU()
			for range b.N {
				if _, err := m.run(ctx, p, workload.CPUJob); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b)
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			procs := runtime.GOMAXPROCS(0)
			if m.name == "serial" {
				serial[procs] = perOp
			}
			if s, ok := serial[procs]; ok {
				b.ReportMetric(s/perOp, "speedup")
			}
		})
	}
}
