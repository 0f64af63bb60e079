// Claim A10: a loop holds very many waiting tasks in little memory, though
// in Go each keeps a goroutine stack for its coroutine. ManySleepers is
// the measurement's body: n tasks asleep at once on one loop, each costing
// its coroutine and a timer-heap entry, and no goroutine waiting on a
// runtime timer.
//
//	go test -run '^$' -bench ManySleepers -cpu 1 ./eventloop/
//
// You will see bytes/task, the heap and stacks each sleeping task holds,
// for 10,000 and 100,000 loop tasks next to as many plain goroutines.

package eventloop

import (
	"fmt"
	"time"
)

// ManySleepers runs n tasks on a new loop, each sleeping d, and returns
// once all have woken. If whileWaiting is not nil it runs on the loop as
// soon as every task is asleep: the moment to measure what n waiting tasks
// hold (A10). A sleeping task costs its coroutine and a timer-heap entry;
// no goroutine waits on a runtime timer for it.
func ManySleepers(n int, d time.Duration, whileWaiting func()) error {
	if n < 0 {
		return fmt.Errorf("eventloop: ManySleepers needs n >= 0, got %d", n)
	}
	_, err := Run(New(), func(co *Coro) (int, error) {
		sleeper := func(co *Coro) (int, error) { return 0, co.Sleep(d) }
		tasks := make([]Awaitable[int], n)
		for i := range tasks {
			tasks[i] = CreateTask(co, "sleeper", sleeper)
		}
		if whileWaiting != nil {
			// One turn of the loop starts every task up to its sleep.
			if err := co.Sleep(0); err != nil {
				return 0, err
			}
			whileWaiting()
		}
		_, err := Gather(co, tasks...)
		return 0, err
	})
	return err
}
