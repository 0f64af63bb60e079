// Claim F3: a task goes through states: new, ready, running, waiting,
// finished.
//
//	go test -run TestGoroutineStatesInOrder -v ./internal/schedtrace/
//
// You will see the states of the "task" goroutine as the runtime recorded
// them, "task: new → runnable → running → waiting(sleep) → runnable →
// running → waiting(chan receive) → runnable → running → terminated": it
// is created, runs, sleeps, runs, blocks on a channel until "sender"
// sends, runs and exits. testdata/pictures/f3-states.svg draws it.

package schedtrace

import "time"

// TaskLifecycle is one goroutine that computes, sleeps, blocks on a
// channel and exits, and a second one that feeds the channel.
//
// GOMAXPROCS=1 makes the channel wait certain: the task tells the sender
// it is ready and goes straight on to receive without giving up the only
// P, so the sender cannot send before the task is blocked.
func TaskLifecycle() Scenario {
	return Scenario{
		Name:  "f3-states",
		Claim: "F3",
		Title: "F3: the states of one goroutine, read from the runtime trace",
		Caption: "The task is created (new), waits for a P (runnable), computes (running), sleeps " +
			"(waiting: sleep), runs again, blocks on a channel (waiting: chan receive) until the " +
			"sender sends, runs once more and terminates.",
		Procs: 1,
		Run: func(stage *Stage) {
			ready := make(chan struct{}, 1)
			work := make(chan int)
			stage.Go("task", func() {
				Burn(4 * time.Millisecond)
				time.Sleep(3 * time.Millisecond)
				Burn(2 * time.Millisecond)
				ready <- struct{}{}
				n := <-work
				Burn(time.Duration(n) * time.Millisecond)
			})
			stage.Go("sender", func() {
				<-ready
				time.Sleep(3 * time.Millisecond)
				work <- 2
			})
		},
	}
}

func init() { Register(TaskLifecycle()) }
