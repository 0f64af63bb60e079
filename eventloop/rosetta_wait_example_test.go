// Claim: asyncio's ways of waiting on several tasks at once, or on one
// with a deadline, have spellings on this loop: Wait, WaitFor, TaskGroup,
// AsCompleted and Shield. ROSETTA.md at the module root lists the rows
// these Examples prove; the loop's turns, never timing, order what they
// print.
//
//	go test -run 'ExampleWait|ExampleTaskGroup|ExampleAsCompleted|ExampleShield|Example_asyncioTimeout' -v ./eventloop/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package eventloop_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// asyncio.wait(aws, return_when=FIRST_COMPLETED): Wait returns the
// indices done, and leaves the rest running.
func ExampleWait() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		quick := eventloop.CreateTask(co, "quick", afterTurns(1, "quick"))
		slow := eventloop.CreateTask(co, "slow", never)
		done, err := eventloop.Wait(co, eventloop.FirstCompleted, quick, slow)
		fmt.Println("done:", done, err)
		fmt.Println("slow still running:", !slow.Done())
		_ = slow.Cancel() // asyncio.wait cancels nothing; we do, or the loop will at close
		_, err = eventloop.Await(co, slow)
		fmt.Println("slow:", err)
		return 0, nil
	})
	// Output:
	// done: [0] <nil>
	// slow still running: true
	// slow: eventloop: cancelled
}

// asyncio.wait(aws): with AllCompleted, every index, in the order the
// awaitables finished.
func ExampleWait_allCompleted() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		done, err := eventloop.Wait(co, eventloop.AllCompleted,
			eventloop.CreateTask(co, "three turns", afterTurns(3, "")),
			eventloop.CreateTask(co, "one turn", afterTurns(1, "")),
			eventloop.CreateTask(co, "two turns", afterTurns(2, "")))
		fmt.Println(done, err)
		return 0, nil
	})
	// Output: [1 2 0] <nil>
}

// asyncio.wait(aws, return_when=FIRST_EXCEPTION): Wait returns at the
// first failure; a cancellation is not one.
func ExampleWait_firstException() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		tasks := []eventloop.Awaitable[string]{
			eventloop.CreateTask(co, "fine", afterTurns(1, "fine")),
			eventloop.CreateTask(co, "broken", func(co *eventloop.Coro) (string, error) {
				if err := co.Sleep(0); err != nil {
					return "", err
				}
				return "", errors.New("broken")
			}),
			eventloop.CreateTask(co, "hangs", never),
		}
		done, err := eventloop.Wait(co, eventloop.FirstException, tasks...)
		fmt.Println("done:", done, err)
		_, err = eventloop.Await(co, tasks[1])
		fmt.Println("the failure:", err)
		_ = tasks[2].(*eventloop.Task[string]).Cancel()
		_, err = eventloop.Await(co, tasks[2])
		fmt.Println("the one left running, cancelled:", err)
		return 0, nil
	})
	// Output:
	// done: [0 1] <nil>
	// the failure: broken
	// the one left running, cancelled: eventloop: cancelled
}

// asyncio.wait_for(aw, timeout): WaitFor gives up with ErrTimeout, which
// is also context.DeadlineExceeded, and cancels what it waited for. It
// returns at once: the task unwinds at its next turn, so await it to know
// it has.
func ExampleWaitFor() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		task := eventloop.CreateTask(co, "hangs", never)
		_, err := eventloop.WaitFor(co, task, time.Millisecond)
		fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
		_, err = eventloop.Await(co, task)
		fmt.Println("the task:", err)
		return 0, nil
	})
	// Output:
	// eventloop: wait timed out: context deadline exceeded true
	// the task: eventloop: cancelled
}

// async with asyncio.timeout(delay): put the block in a coroutine and
// WaitFor the task that runs it; every await inside shares the one
// deadline, and the block is cancelled at it.
func Example_asyncioTimeout() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		block := func(co *eventloop.Coro) (string, error) {
			if err := co.Sleep(0); err != nil {
				return "", err
			}
			fmt.Println("first await done")
			_, err := never(co)
			fmt.Println("second await:", err)
			return "", err
		}
		task := eventloop.CreateTask(co, "block", block)
		_, err := eventloop.WaitFor(co, task, time.Millisecond)
		_, _ = eventloop.Await(co, task) // let the block unwind
		fmt.Println("timed out:", errors.Is(err, eventloop.ErrTimeout))
		return 0, nil
	})
	// Output:
	// first await done
	// second await: eventloop: cancelled
	// timed out: true
}

// async with asyncio.TaskGroup() as tg: tg.create_task(...): a zero
// TaskGroup, Go for each task, Wait at the end of the block. The first
// failure cancels the others and Wait returns it.
func ExampleTaskGroup() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		var g eventloop.TaskGroup
		var got string
		_ = g.Go(co, "fetch", func(co *eventloop.Coro) error {
			var err error
			got, err = afterTurns(1, "page")(co)
			return err
		})
		_ = g.Go(co, "parse", func(co *eventloop.Coro) error {
			if err := co.Sleep(0); err != nil {
				return err
			}
			return errors.New("bad input")
		})
		_ = g.Go(co, "wait", func(co *eventloop.Coro) error {
			_, err := never(co)
			fmt.Println("wait:", err)
			return err
		})
		err := g.Wait(co)
		fmt.Println("fetched:", got)
		fmt.Println("Wait:", err)
		return 0, nil
	})
	// Output:
	// wait: eventloop: cancelled
	// fetched: page
	// Wait: task "parse": bad input
}

// for aw in asyncio.as_completed(aws): each index as its task finishes;
// Await then returns its result at once.
func ExampleAsCompleted() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		tasks := []eventloop.Awaitable[string]{
			eventloop.CreateTask(co, "slow", afterTurns(3, "slow")),
			eventloop.CreateTask(co, "fast", afterTurns(1, "fast")),
			eventloop.CreateTask(co, "medium", afterTurns(2, "medium")),
		}
		for i, err := range eventloop.AsCompleted(co, tasks...) {
			if err != nil {
				return 0, err
			}
			v, err := eventloop.Await(co, tasks[i])
			fmt.Println(i, v, err)
		}
		return 0, nil
	})
	// Output:
	// 1 fast <nil>
	// 2 medium <nil>
	// 0 slow <nil>
}

// asyncio.shield(aw): the waiter is cancelled, the job is not.
func ExampleShield() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		gate := eventloop.NewFuture[string](co.Loop())
		job := eventloop.CreateTask(co, "job", func(co *eventloop.Coro) (string, error) {
			return eventloop.Await(co, gate)
		})
		waiter := eventloop.CreateTask(co, "waiter", func(co *eventloop.Coro) (string, error) {
			return eventloop.Shield(co, job)
		})
		if err := co.Sleep(0); err != nil { // both are waiting now
			return 0, err
		}
		_ = waiter.Cancel()
		_, err := eventloop.Await(co, waiter)
		fmt.Println("waiter:", err)
		fmt.Println("job cancelled:", job.Cancelled())
		_ = gate.SetResult("saved")
		v, err := eventloop.Await(co, job)
		fmt.Println("job:", v, err)
		return 0, nil
	})
	// Output:
	// waiter: eventloop: cancelled
	// job cancelled: false
	// job: saved <nil>
}
