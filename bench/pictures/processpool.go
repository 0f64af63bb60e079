// Claim M2, the parent's side: while a process pool computes, the parent
// process has nothing to run. Its caller waits for the replies, a reader
// per worker waits on that worker's pipe, and its Ps sit idle, because the
// work runs in other processes, which this process's trace cannot see.
//
//	go test -run TestPoolParentWaitsWhileWorkersCompute -v ./bench/pictures/
//
// You will see, for "reader 1" and "reader 2", how many times each waited
// on its worker's pipe: waits the trace calls "network" and the stack
// shows to be pipe reads. testdata/pictures/m2-pool-parent.svg draws them
// as "waiting on pipe", after the forker's system calls that start the
// workers.

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
		Caption: "The pool's forker starts two worker processes, then the caller maps four Fibonacci numbers over them " +
			"and blocks until the answers come back. Each worker has a reader in the parent, which waits on that " +
			"worker's pipe, and a feeder, which waits for tasks to send. The computing happens in the workers, " +
			"which are other processes: this trace of the parent shows its Ps idle meanwhile.",
		Procs: 2,
		// The pool's own goroutines, named by the function each starts in.
		Adopt: []schedtrace.Adopt{
			{Func: "child.(*Forker).loop", Label: "forker"},
			{Func: "pool.(*Pool).collect", Label: "reader"},
			{Func: "pool.(*Pool).feed", Label: "feeder"},
		},
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
