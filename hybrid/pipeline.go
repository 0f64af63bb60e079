// Claim H4, one more contender: a pipeline of stages joined by channels,
// each stage sized for its kind of work: many fetchers, because waiting
// costs nothing; as many computers as there are cores, because more would
// only queue for the CPU; and one aggregator, so the total needs no lock.
// Back-pressure is free: a full channel makes the stage before it wait.
//
//	go test -run TestEveryArchitectureReachesTheSerialAnswer/pipeline -v ./hybrid/
//
// You will see the pipeline reach the serial answer with each item
// fetched once.

package hybrid

import (
	"context"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

// pipelineSizes sets how many goroutines each stage runs.
type pipelineSizes struct {
	Fetchers, Computers int
}

// defaultPipeline sizes the fetch stage for waiting and the compute stage
// for the cores there are.
func defaultPipeline() pipelineSizes {
	return pipelineSizes{Fetchers: 16, Computers: runtime.GOMAXPROCS(0)}
}

type fetched struct {
	id   int
	body string
}

// pipelineArch runs the mixed job through fetch, compute and sum stages. All
// stages share one errgroup, so the first error cancels every stage; each
// stage closes its output when its last goroutine is done, which lets the
// next stage drain and stop.
func pipelineArch(sizes pipelineSizes) func(context.Context, kit, workload.Mix) (workload.Total, error) {
	return func(ctx context.Context, env kit, m workload.Mix) (workload.Total, error) {
		g, ctx := errgroup.WithContext(ctx)
		ids := make(chan int)
		bodies := make(chan fetched, sizes.Computers)
		values := make(chan int, sizes.Computers)

		g.Go(func() error {
			defer close(ids)
			for id := range m.Items {
				select {
				case ids <- id:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
		stage(g, bodies, max(sizes.Fetchers, 1), func() error {
			for id := range ids {
				body, err := env.fetch(ctx, id)
				if err != nil {
					return err
				}
				if err := send(ctx, bodies, fetched{id, body}); err != nil {
					return err
				}
			}
			return nil
		})
		stage(g, values, max(sizes.Computers, 1), func() error {
			for f := range bodies {
				v, err := m.Compute(f.id, f.body)
				if err != nil {
					return err
				}
				if err := send(ctx, values, v); err != nil {
					return err
				}
			}
			return nil
		})

		var total workload.Total
		for v := range values {
			total.Add(v)
		}
		if err := g.Wait(); err != nil {
			return workload.Total{}, err
		}
		return total, nil
	}
}

// stage runs n copies of work in g and closes out when all have returned.
func stage[T any](g *errgroup.Group, out chan T, n int, work func() error) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		g.Go(func() error { defer wg.Done(); return work() })
	}
	g.Go(func() error { wg.Wait(); close(out); return nil })
}

func send[T any](ctx context.Context, ch chan<- T, v T) error {
	select {
	case ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
