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
