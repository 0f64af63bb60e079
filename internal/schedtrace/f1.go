// Claim F1: concurrency interleaves tasks in time; parallelism runs them
// at the same instant on several cores.
//
//	go test -run 'TestSingleProc|TestTwoProcs' -v ./internal/schedtrace/
//
// You will see, read from runtime traces of four CPU-bound workers, "one
// P: at most 1 worker running at once" with some preemptions inside
// workload.Spin, the workers taking turns, and "two Ps: at most 2 workers
// running at once, on 2 OS threads". The same schedules are drawn in
// testdata/pictures/f1-gomaxprocs1.svg and f1-gomaxprocs2.svg.

package schedtrace

import (
	"fmt"
	"time"
)

// CPUWorkers is the number of CPU-bound goroutines in the F1 scenarios.
const CPUWorkers = 4

// CPUBoundWorkers starts CPUWorkers goroutines that each compute for about
// 30 ms, with GOMAXPROCS set to procs.
func CPUBoundWorkers(procs int) Scenario {
	caption := "One P: the four workers take turns on it. At any instant one runs and the others " +
		"wait runnable; the scheduler preempts the running one after its time slice. " +
		"Concurrency without parallelism: the total is the sum of the four."
	if procs > 1 {
		caption = fmt.Sprintf("%d Ps: %d workers run at the same instant, each on its own P, "+
			"and the rest wait their turn. This is parallelism: the total shrinks with the "+
			"number of Ps (while there are cores to back them).", procs, procs)
	}
	return Scenario{
		Name:    fmt.Sprintf("f1-gomaxprocs%d", procs),
		Claim:   "F1",
		Title:   fmt.Sprintf("F1: %d CPU-bound goroutines at GOMAXPROCS=%d", CPUWorkers, procs),
		Caption: caption,
		Procs:   procs,
		Run: func(stage *Stage) {
			for i := 1; i <= CPUWorkers; i++ {
				stage.Go(fmt.Sprintf("worker %d", i), func() {
					Burn(30 * time.Millisecond)
				})
			}
		},
	}
}

func init() {
	Register(CPUBoundWorkers(1))
	Register(CPUBoundWorkers(2))
}
