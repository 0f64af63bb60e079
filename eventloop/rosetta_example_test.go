// Claim: every asyncio construct for running tasks, cancelling them and
// reading their errors that the material uses has a spelling on this
// loop; ROSETTA.md at the module root lists them, one row each, and these
// Examples (with those of rosetta_wait_example_test.go and
// rosetta_sync_example_test.go) prove the rows. None of them depends on
// timing: the order of what they print comes from the loop's turns (each
// Sleep(0) is one turn), or from futures set in a known order.
//
//	go test -run 'Example_asyncio(Run|AwaitCoroutine|SleepZero|GatherReturnExceptions|TaskException)|ExampleTask_Cancel' -v ./eventloop/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package eventloop_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// afterTurns is a coroutine that gives the loop n turns (Sleep(0) each),
// then returns v: its place in the finishing order is fixed by n alone.
func afterTurns(n int, v string) func(*eventloop.Coro) (string, error) {
	return func(co *eventloop.Coro) (string, error) {
		for range n {
			if err := co.Sleep(0); err != nil {
				return "", err
			}
		}
		return v, nil
	}
}

// never is a coroutine that waits for a future nobody sets, until it is
// cancelled.
func never(co *eventloop.Coro) (string, error) {
	return eventloop.Await(co, eventloop.NewFuture[string](co.Loop()))
}

// asyncio.run(main()): Run starts the loop, runs main as its first task
// and returns main's result once main returns.
func Example_asyncioRun() {
	answer, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		if err := co.Sleep(time.Millisecond); err != nil {
			return 0, err
		}
		return 42, nil
	})
	fmt.Println(answer, err)
	// Output: 42 <nil>
}

// await coro(): a coroutine is a function taking the *Coro, so awaiting
// it directly is calling it. It runs inline, in the caller's task.
func Example_asyncioAwaitCoroutine() {
	double := func(co *eventloop.Coro, n int) (int, error) {
		if err := co.Sleep(0); err != nil {
			return 0, err
		}
		return 2 * n, nil
	}
	v, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		fmt.Println("in task", co.Name())
		return double(co, 21)
	})
	fmt.Println(v, err)
	// Output:
	// in task main
	// 42 <nil>
}

// asyncio.sleep(0): Sleep(0) yields once, so two tasks that yield take
// turns in a fixed order.
func Example_asyncioSleepZero() {
	_, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		var tasks []eventloop.Awaitable[int]
		var steps []string
		for _, name := range []string{"a", "b"} {
			tasks = append(tasks, eventloop.CreateTask(co, name, func(co *eventloop.Coro) (int, error) {
				for i := range 2 {
					steps = append(steps, fmt.Sprint(name, i))
					if err := co.Sleep(0); err != nil {
						return 0, err
					}
				}
				return 0, nil
			}))
		}
		_, err := eventloop.Gather(co, tasks...)
		fmt.Println(strings.Join(steps, " "))
		return 0, err
	})
	fmt.Println(err)
	// Output:
	// a0 b0 a1 b1
	// <nil>
}

// asyncio.gather(*aws, return_exceptions=True): Gather stops at the first
// error, so to collect every outcome await each task in turn. They were
// all started by CreateTask, so they still run at the same time.
func Example_asyncioGatherReturnExceptions() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		tasks := []*eventloop.Task[string]{
			eventloop.CreateTask(co, "ok", afterTurns(2, "first")),
			eventloop.CreateTask(co, "fails", func(co *eventloop.Coro) (string, error) {
				return "", errors.New("no connection")
			}),
			eventloop.CreateTask(co, "ok too", afterTurns(1, "third")),
		}
		for _, t := range tasks {
			v, err := eventloop.Await(co, t)
			fmt.Printf("%s: %q %v\n", t.Name(), v, err)
		}
		return 0, nil
	})
	// Output:
	// ok: "first" <nil>
	// fails: "" no connection
	// ok too: "third" <nil>
}

// task.cancel() and asyncio.CancelledError: Cancel delivers ErrCancelled
// at the task's await; the task may clean up, and should return it.
func ExampleTask_Cancel() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		task := eventloop.CreateTask(co, "worker", func(co *eventloop.Coro) (string, error) {
			_, err := never(co)
			if errors.Is(err, eventloop.ErrCancelled) {
				fmt.Println("worker: cleaning up")
			}
			return "", err
		})
		if err := co.Sleep(0); err != nil {
			return 0, err
		}
		fmt.Println("cancel:", task.Cancel())
		_, err := eventloop.Await(co, task)
		fmt.Println("await:", err, errors.Is(err, eventloop.ErrCancelled))
		fmt.Println("cancel again:", task.Cancel())
		return 0, nil
	})
	// Output:
	// cancel: <nil>
	// worker: cleaning up
	// await: eventloop: cancelled true
	// cancel again: cancel task "worker": eventloop: already done
}

// task.exception(): a task's error is the second result of Await; a
// panic in a task reaches its awaiter as a *PanicError, and the loop and
// the other tasks carry on.
func Example_asyncioTaskException() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		failing := eventloop.CreateTask(co, "failing", func(co *eventloop.Coro) (int, error) {
			return 0, errors.New("refused")
		})
		panicking := eventloop.CreateTask(co, "panicking", func(co *eventloop.Coro) (int, error) {
			panic("unexpected state")
		})
		_, err := eventloop.Await(co, failing)
		fmt.Println(err)
		_, err = eventloop.Await(co, panicking)
		if pe := (*eventloop.PanicError)(nil); errors.As(err, &pe) {
			fmt.Println("panic in task", pe.Task)
		} else {
			fmt.Println(err)
		}
		return 0, nil
	})
	// Output:
	// refused
	// panic in task panicking
}
