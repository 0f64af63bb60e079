// Claim H4: a well-chosen hybrid beats every single model on mixed work.
// In Go the single model to beat is plain goroutines: one per item does
// its fetch and its computation. While a goroutine waits on the network
// the runtime's netpoller parks it and runs another; while it computes,
// the scheduler spreads the work over GOMAXPROCS cores. Nothing is split
// into an "I/O part" and a "CPU part" by hand: the runtime already is the
// hybrid.
//
//	go test -run TestEveryArchitectureReachesTheSerialAnswer/goroutines -v ./hybrid/
//
// You will see the goroutines architecture reach the serial answer with
// each item fetched once; BenchmarkMixed (mixed_bench_test.go) times it
// against the hybrids.

package hybrid

import (
	"context"

	"golang.org/x/sync/errgroup"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

// goroutinesArch runs every item in its own goroutine; the first error cancels
// the rest.
func goroutinesArch(ctx context.Context, env kit, m workload.Mix) (workload.Total, error) {
	g, ctx := errgroup.WithContext(ctx)
	values := make([]int, m.Items)
	for id := range m.Items {
		g.Go(func() error {
			body, err := env.fetch(ctx, id)
			if err != nil {
				return err
			}
			values[id], err = m.Compute(id, body)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return workload.Total{}, err
	}
	return sum(values), nil
}

func sum(values []int) workload.Total {
	var t workload.Total
	for _, v := range values {
		t.Add(v)
	}
	return t
}
