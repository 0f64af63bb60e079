// Claim A14: tasks on one loop share memory freely, but anything off the
// loop must talk to it through its thread-safe entry. Every task and
// callback of a loop runs on its one thread, so a plain int needs no lock
// and the race detector has nothing to report. The catch is the await: an
// update that reads before an await and writes after it is lost, with no
// data race at all. Another goroutine may call only CallSoonThreadsafe;
// the callback it posts then runs on the loop and may touch its state.
//
//	go test -race -run 'TestLoopTasks|TestAnotherGoroutine' -v ./eventloop/
//
// You will see 50 tasks of 100 increments reach 5000 with no lock, the
// same tasks reach only 100 when each increment spans an await, and 1,000
// items from another goroutine arrive in order.

package eventloop_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

const sharingTasks, sharingRounds = 50, 100

// countOnOneLoop starts sharingTasks tasks that each run step
// sharingRounds times on one plain int, and returns the int.
func countOnOneLoop(t *testing.T, step func(co *eventloop.Coro, count *int) error) int {
	t.Helper()
	count := 0
	_, err := runLoop(t, func(co *eventloop.Coro) ([]int, error) {
		var tasks []eventloop.Awaitable[int]
		for range sharingTasks {
			tasks = append(tasks, eventloop.CreateTask(co, "adder", func(co *eventloop.Coro) (int, error) {
				for range sharingRounds {
					if err := step(co, &count); err != nil {
						return 0, err
					}
				}
				return 0, nil
			}))
		}
		return eventloop.Gather(co, tasks...)
	})
	require.NoError(t, err)
	return count
}

func TestLoopTasksShareStateWithoutLocks(t *testing.T) {
	// The increment sits between two awaits, so no other task can run
	// in the middle of it: every one counts, with no lock.
	got := countOnOneLoop(t, func(co *eventloop.Coro, count *int) error {
		*count++
		return co.Sleep(0)
	})
	assert.Equal(t, sharingTasks*sharingRounds, got)
	t.Logf("%d tasks of %d increments, no lock: %d", sharingTasks, sharingRounds, got)
}

func TestLoopTasksLoseAnUpdateHeldAcrossAnAwait(t *testing.T) {
	// Read, await, write: every task reads the same value in one turn
	// and writes it back plus one in the next, so each turn adds one,
	// however many tasks there are. The race detector stays silent:
	// this race is in the order of steps, not between threads.
	got := countOnOneLoop(t, func(co *eventloop.Coro, count *int) error {
		seen := *count
		if err := co.Sleep(0); err != nil {
			return err
		}
		*count = seen + 1
		return nil
	})
	assert.Equal(t, sharingRounds, got, "one increment per turn survives, not one per task")
	t.Logf("the same tasks, each increment spanning an await: %d", got)
}

func TestAnotherGoroutineFeedsTheLoopThroughItsThreadsafeEntry(t *testing.T) {
	const n = 1000
	got, err := runLoop(t, func(co *eventloop.Coro) ([]int, error) {
		l := co.Loop()
		q, err := eventloop.NewQueue[int](l, 0)
		require.NoError(t, err)

		// The loop's side of the hand-off: what has arrived, and the
		// future that wakes the forwarder when something does. Only
		// callbacks and tasks of this loop touch them, so no lock.
		var arrived []int
		var wake *eventloop.Future[bool]
		deliver := func(v int) func() {
			return func() {
				arrived = append(arrived, v)
				if wake != nil {
					_ = wake.SetResult(true)
					wake = nil
				}
			}
		}

		// The worker: a goroutine that may call nothing of the loop's
		// but CallSoonThreadsafe, which queues a callback and wakes it.
		sent := make(chan error, 1)
		go func() {
			for i := range n {
				if err := l.CallSoonThreadsafe(deliver(i)); err != nil {
					sent <- err
					return
				}
			}
			sent <- nil
		}()

		// Put belongs to a task (a callback gets ErrNotThisTask), so a
		// forwarding task moves each arrival into the queue.
		forward := eventloop.CreateTask(co, "forward", func(co *eventloop.Coro) (int, error) {
			for moved := 0; moved < n; {
				if len(arrived) == 0 {
					wake = eventloop.NewFuture[bool](l)
					if _, err := eventloop.Await(co, wake); err != nil {
						return moved, err
					}
					continue
				}
				v := arrived[0]
				arrived = arrived[1:]
				if err := q.Put(co, v); err != nil {
					return moved, err
				}
				moved++
			}
			return n, nil
		})

		var got []int
		for range n {
			v, err := q.Get(co)
			if err != nil {
				return got, err
			}
			got = append(got, v)
		}
		if _, err := eventloop.Await(co, forward); err != nil {
			return got, err
		}
		// Every item is in, so the worker is at its last line: this
		// receive waits for nothing else.
		return got, <-sent
	})
	require.NoError(t, err)
	want := make([]int, n)
	for i := range want {
		want[i] = i
	}
	assert.Equal(t, want, got, "exactly n items, in the order they were sent")
	t.Logf("%d items from another goroutine arrived, %d first and %d last", len(got), got[0], got[len(got)-1])
}
