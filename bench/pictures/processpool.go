// Claims M2 and F1, the parent's side: while a process pool computes, the
// parent process has nothing to run. Its caller waits for the replies and
// its Ps sit idle, because the work runs in other processes, which this
// process's trace cannot see.
//
// Run: go test -run TestPoolParentWaitsWhileWorkersCompute ./bench/pictures/
// In the picture: the pool starts (its spawner goroutine in system calls),
// then the caller blocks until all four results are back.

package pictures

import (
	"context"
	"fmt"

	"github.com/concurrency-atlas/atlas/internal/schedtrace"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// PoolFibs are the inputs the parent maps over the pool's two workers.
var PoolFibs = []int{27, 27, 27, 27}

// PoolParentWaits maps Fib over a two-worker process pool and records the
// parent's side.
func PoolParentWaits() schedtrace.Scenario {
	return schedtrace.Scenario{
		Name:  "m2-pool-parent",
		Claim: "M2",
		Title: "M2: the parent of a process pool waits while its workers compute",
		Caption: "The pool starts two worker processes, then the caller maps four Fibonacci numbers over them " +
			"and blocks until the answers come back through the pipes. The computing happens in the workers, " +
			"which are other processes: this trace of the parent shows its Ps idle meanwhile.",
		Procs: 2,
		Run: func(stage *schedtrace.Stage) {
			stage.Go("caller", func() {
				ctx := context.Background()
				p, err := pool.New(ctx, 2)
				if err != nil {
					panic(fmt.Sprintf("starting the pool: %v", err))
				}
				defer p.Close()
				if _, err := pool.Fib.Map(ctx, p, PoolFibs); err != nil {
					panic(fmt.Sprintf("mapping over the pool: %v", err))
				}
			})
		},
	}
}

func init() { schedtrace.Register(PoolParentWaits()) }
