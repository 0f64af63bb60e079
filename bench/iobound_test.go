package bench

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing"
)

// ioJob is the I/O-bound job: many short waits and no computing.
const (
	ioTasks = 64
	ioWait  = time.Millisecond
)

var wait = multiprocessing.Define("bench.wait", func(d time.Duration) (bool, error) {
	return true, workload.SimulatedIO(context.Background(), d)
})

type ioModel struct {
	name string
	run  func(ctx context.Context, pool *multiprocessing.Pool, n int, d time.Duration) error
}

var ioModels = []ioModel{
	{"serial", func(ctx context.Context, _ *multiprocessing.Pool, n int, d time.Duration) error {
		for range n {
			if err := workload.SimulatedIO(ctx, d); err != nil {
				return err
			}
		}
		return nil
	}},
	{"goroutines", func(ctx context.Context, _ *multiprocessing.Pool, n int, d time.Duration) error {
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() { errs[i] = workload.SimulatedIO(ctx, d) })
		}
		wg.Wait()
		return firstError(errs)
	}},
	{"boundedPool", func(ctx context.Context, _ *multiprocessing.Pool, n int, d time.Duration) error {
		var g errgroup.Group
		g.SetLimit(8)
		for range n {
			g.Go(func() error { return workload.SimulatedIO(ctx, d) })
		}
		return g.Wait()
	}},
	{"eventLoop", func(_ context.Context, _ *multiprocessing.Pool, n int, d time.Duration) error {
		_, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]bool, error) {
			tasks := make([]eventloop.Awaitable[bool], n)
			for i := range tasks {
				tasks[i] = eventloop.CreateTask(co, "wait", func(co *eventloop.Coro) (bool, error) {
					return true, co.Sleep(d)
				})
			}
			return eventloop.Gather(co, tasks...)
		})
		return err
	}},
	{"processPool", func(ctx context.Context, pool *multiprocessing.Pool, n int, d time.Duration) error {
		waits := make([]time.Duration, n)
		for i := range waits {
			waits[i] = d
		}
		_, err := wait.Map(ctx, pool, waits)
		return err
	}},
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func TestEveryIOModelFinishesItsWaits(t *testing.T) {
	pool := newPool(t, 2)
	for _, m := range ioModels {
		t.Run(m.name, func(t *testing.T) {
			require.NoError(t, m.run(t.Context(), pool, 6, time.Microsecond))
		})
	}
}

// BenchmarkIOBound: tasks/s is how many waits each model gets through.
// Waiting needs no core, so what counts is how many waits overlap: all of
// them for goroutines and the loop, eight for the bounded pool, and one
// per worker process for the pool, whose workers take one task at a time.
func BenchmarkIOBound(b *testing.B) {
	pool := newPool(b, 2)
	for _, m := range ioModels {
		b.Run(m.name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				if err := m.run(ctx, pool, ioTasks, ioWait); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(ioTasks*b.N)/b.Elapsed().Seconds(), "tasks/s")
		})
	}
}
