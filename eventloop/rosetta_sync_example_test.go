// Claim: asyncio's synchronisation primitives, futures and bridges to
// threads each have a spelling on this loop, listed in ROSETTA.md at the
// module root. Queue is asyncio.Queue; a bounded Queue of empty structs
// is the semaphore and the lock, as a buffered channel is for goroutines;
// a Future with Shield is the event. Like the rest, these Examples order
// what they print by the loop's turns, never by timing.
//
//	go test -run 'ExampleQueue|Example_asyncio(Semaphore|Lock|Event|Debug)|ExampleNewFuture|ExampleFuture_AddDoneCallback|ExampleLoop_|ExampleRunInExecutor' -v ./eventloop/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package eventloop_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// asyncio.Queue(maxsize): Put pauses while the queue is full, Get while
// it is empty. There is no close: a value that means "no more" (here -1)
// ends the consumer, as None does in asyncio code.
func ExampleQueue() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		q, err := eventloop.NewQueue[int](co.Loop(), 1)
		if err != nil {
			return 0, err
		}
		producer := eventloop.CreateTask(co, "producer", func(co *eventloop.Coro) (int, error) {
			for _, v := range []int{1, 2, 3, -1} {
				if err := q.Put(co, v); err != nil {
					return 0, err
				}
			}
			return 0, nil
		})
		for {
			v, err := q.Get(co)
			if err != nil || v < 0 {
				break
			}
			fmt.Println("got", v)
		}
		_, err = eventloop.Await(co, producer)
		return 0, err
	})
	// Output:
	// got 1
	// got 2
	// got 3
}

// asyncio.Semaphore(2): a Queue bounded to 2 holds the permits; Put takes
// one (pausing while none is free) and Get gives it back.
func Example_asyncioSemaphore() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		sem, err := eventloop.NewQueue[struct{}](co.Loop(), 2)
		if err != nil {
			return 0, err
		}
		running, most := 0, 0
		var tasks []eventloop.Awaitable[int]
		for i := range 5 {
			tasks = append(tasks, eventloop.CreateTask(co, fmt.Sprint("job ", i), func(co *eventloop.Coro) (int, error) {
				if err := sem.Put(co, struct{}{}); err != nil { // acquire
					return 0, err
				}
				running++
				most = max(most, running)
				err := co.Sleep(0) // the work, with an await inside
				running--
				_, _ = sem.Get(co) // release: never waits, the permit is there
				return i, err
			}))
		}
		done, err := eventloop.Gather(co, tasks...)
		fmt.Println(done, err)
		fmt.Println("at most at once:", most)
		return 0, nil
	})
	// Output:
	// [0 1 2 3 4] <nil>
	// at most at once: 2
}

// asyncio.Lock(): tasks of one loop never run at the same time, so code
// with no await inside needs no lock. A read and a write with an await
// between them do: two tasks lose an update without one. A Queue bounded
// to 1 is the lock.
func Example_asyncioLock() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		lock, err := eventloop.NewQueue[struct{}](co.Loop(), 1)
		if err != nil {
			return 0, err
		}
		for _, locked := range []bool{false, true} {
			counter := 0
			add := func(co *eventloop.Coro) (int, error) {
				if locked {
					if err := lock.Put(co, struct{}{}); err != nil {
						return 0, err
					}
					defer func() { _, _ = lock.Get(co) }()
				}
				seen := counter
				if err := co.Sleep(0); err != nil { // the other task runs here
					return 0, err
				}
				counter = seen + 1
				return 0, nil
			}
			_, err := eventloop.Gather(co, eventloop.CreateTask(co, "a", add), eventloop.CreateTask(co, "b", add))
			fmt.Printf("locked=%v: counter=%d %v\n", locked, counter, err)
		}
		return 0, nil
	})
	// Output:
	// locked=false: counter=1 <nil>
	// locked=true: counter=2 <nil>
}

// asyncio.Event(): a Future[struct{}] is an event that is set once;
// SetResult is set(), Done is is_set(). Waiters wait through Shield, so
// that cancelling one waiter does not cancel the event for the others, as
// a plain Await would.
func Example_asyncioEvent() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		ready := eventloop.NewFuture[struct{}](co.Loop())
		var waiters []*eventloop.Task[string]
		for i := range 3 {
			waiters = append(waiters, eventloop.CreateTask(co, fmt.Sprint("waiter ", i), func(co *eventloop.Coro) (string, error) {
				if _, err := eventloop.Shield(co, ready); err != nil {
					return "", err
				}
				return "woke", nil
			}))
		}
		if err := co.Sleep(0); err != nil { // all three are waiting now
			return 0, err
		}
		_ = waiters[1].Cancel()
		fmt.Println("set before:", ready.Done())
		_ = ready.SetResult(struct{}{})
		for _, w := range waiters {
			v, err := eventloop.Await(co, w)
			fmt.Println(w.Name(), v, err)
		}
		return 0, nil
	})
	// Output:
	// set before: false
	// waiter 0 woke <nil>
	// waiter 1  eventloop: cancelled
	// waiter 2 woke <nil>
}

// loop.create_future(): a future made on the loop is set by a callback
// or another task; awaiting it pauses only the awaiting task.
func ExampleNewFuture() {
	v, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (string, error) {
		f := eventloop.NewFuture[string](co.Loop())
		if err := co.Loop().CallSoon(func() { _ = f.SetResult("set by a callback") }); err != nil {
			return "", err
		}
		return eventloop.Await(co, f)
	})
	fmt.Println(v, err)
	// Output: set by a callback <nil>
}

// fut.add_done_callback(fn): the callback runs on the loop once the
// future is done, or at once if it already is; it takes no argument, so
// it closes over the future to read it.
func ExampleFuture_AddDoneCallback() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		task := eventloop.CreateTask(co, "job", afterTurns(1, "result"))
		_ = task.AddDoneCallback(func() {
			v, err := task.Result()
			fmt.Println("callback saw:", v, err)
		})
		v, err := eventloop.Await(co, task)
		fmt.Println("await saw:", v, err)
		return 0, nil
	})
	// Output:
	// callback saw: result <nil>
	// await saw: result <nil>
}

// loop.call_soon(fn): fn runs at the loop's next turn, after the tasks
// already ready, in the order it was asked.
func ExampleLoop_CallSoon() {
	_, _ = eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		for i := range 3 {
			_ = co.Loop().CallSoon(func() { fmt.Println("callback", i) })
		}
		fmt.Println("main goes on")
		return 0, co.Sleep(0)
	})
	// Output:
	// main goes on
	// callback 0
	// callback 1
	// callback 2
}

// loop.call_soon_threadsafe(fn): the one way in from another goroutine.
// The goroutine computes, then asks the loop to set a future; the task
// awaiting it wakes on the loop.
func ExampleLoop_CallSoonThreadsafe() {
	v, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		answer := eventloop.NewFuture[int](co.Loop())
		loop := co.Loop()
		go func() {
			sum := 0
			for i := range 10 {
				sum += i
			}
			_ = loop.CallSoonThreadsafe(func() { _ = answer.SetResult(sum) })
		}()
		return eventloop.Await(co, answer)
	})
	fmt.Println(v, err)
	// Output: 45 <nil>
}

// loop.run_in_executor(ThreadPoolExecutor(max_workers=2), fn, arg): an
// executor of at most two goroutines at a time runs the blocking calls;
// the loop keeps serving. The call gets a context that is cancelled if
// the awaiting task is.
func ExampleRunInExecutor() {
	pool, err := eventloop.Bounded(2, func(ctx context.Context, word string) (string, error) {
		return strings.ToUpper(word), ctx.Err() // a blocking call would go here
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	got, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]string, error) {
		var calls []eventloop.Awaitable[string]
		for _, w := range []string{"one", "two", "three"} {
			calls = append(calls, eventloop.CreateTask(co, w, func(co *eventloop.Coro) (string, error) {
				return eventloop.RunInExecutor(co, pool, w)
			}))
		}
		return eventloop.Gather(co, calls...)
	})
	fmt.Println(got, err)
	// Output: [ONE TWO THREE] <nil>
}

// loop.set_debug(True): the Debug option reports every step that holds
// the loop longer than its threshold, naming the task. Here a task makes
// a blocking call of 5 ms against a 1 ms threshold.
func Example_asyncioDebug() {
	l := eventloop.New(eventloop.Debug(time.Millisecond), eventloop.Log(io.Discard))
	_, _ = eventloop.Run(l, func(co *eventloop.Coro) (int, error) {
		blocker := eventloop.CreateTask(co, "blocker", func(co *eventloop.Coro) (int, error) {
			time.Sleep(5 * time.Millisecond) // blocks the whole loop
			return 0, nil
		})
		return eventloop.Await(co, blocker)
	})
	named := false
	for _, w := range l.Warnings() {
		named = named || strings.Contains(w, `task "blocker" held the loop for`)
	}
	fmt.Println("a warning names the blocker:", named)
	// Output: a warning names the blocker: true
}
