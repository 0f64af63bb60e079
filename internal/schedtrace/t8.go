// Claim T8: the scheduler preempts; nothing has to cooperate.
//
//	go test -run 'TestTightLoop|TestGosched' -v ./internal/schedtrace/
//
// You will see a line such as "3 switches between the loops on one P; 3
// preemptions inside workload.Spin" (the counts vary): two loops without
// function calls take turns, in slices the runtime imposes. With
// runtime.Gosched you will see "loop 1: 40 of 40 calls of runtime.Gosched
// seen as stops", and the same for loop 2. Compare
// testdata/pictures/t8-preempted.svg with t8-gosched.svg.

package schedtrace

import (
	"fmt"
	"runtime"
	"time"
)

// Loops is the number of spinning goroutines in the T8 scenarios, and
// YieldsPerLoop how often each calls runtime.Gosched in the cooperative one.
const (
	Loops         = 2
	YieldsPerLoop = 40
)

// TightLoops runs Loops goroutines that each spin for about 40 ms in a
// loop with no function calls, on one P. Only asynchronous preemption
// (Go 1.14 and later) can take the P from one to give it to the other.
func TightLoops() Scenario {
	return Scenario{
		Name:  "t8-preempted",
		Claim: "T8",
		Title: "T8: two tight loops on one P, preempted by the runtime",
		Caption: "Neither loop calls a function or yields, yet they alternate: the runtime " +
			"interrupts a goroutine that has run for a whole time slice (runnable: preempted) " +
			"and hands the P to the other.",
		Procs: 1,
		Run: func(stage *Stage) {
			for i := 1; i <= Loops; i++ {
				stage.Go(fmt.Sprintf("loop %d", i), func() {
					Burn(40 * time.Millisecond)
				})
			}
		},
	}
}

// YieldingLoops does the same work in 1 ms chunks and calls
// runtime.Gosched after each but the last: cooperative scheduling.
func YieldingLoops() Scenario {
	return Scenario{
		Name:  "t8-gosched",
		Claim: "T8",
		Title: "T8: the same loops calling runtime.Gosched, on one P",
		Caption: "Each loop gives up the P itself after every chunk of work (runnable: " +
			"runtime.Gosched), so the two alternate far more often than the runtime's time " +
			"slice would make them. Go does not need this; it is a choice.",
		Procs: 1,
		Run: func(stage *Stage) {
			for i := 1; i <= Loops; i++ {
				stage.Go(fmt.Sprintf("loop %d", i), func() {
					for c := 0; c <= YieldsPerLoop; c++ {
						if c > 0 {
							runtime.Gosched()
						}
						Burn(time.Millisecond)
					}
				})
			}
		},
	}
}

func init() {
	Register(TightLoops())
	Register(YieldingLoops())
}
