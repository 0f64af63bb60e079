// Claim: concurrent.futures with threads needs no executor object in Go:
// errgroup (golang.org/x/sync) is the pool with a limit and the first
// error, a channel of one is a future, a context is cancellation and a
// timeout. ROSETTA.md at the module root lists each row, and these
// Examples prove them; channels, never timing, order what they print.
//
//	go test -run 'Example_futures' -v ./threading/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package threading_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// outcome is what a future holds: a value or an error.
type outcome[T any] struct {
	val T
	err error
}

// submit runs fn on a goroutine of its own and returns its future: a
// channel that will hold one outcome. The buffer of one lets the
// goroutine finish even if nobody ever reads the result.
func submit[T any](fn func() (T, error)) <-chan outcome[T] {
	fut := make(chan outcome[T], 1)
	go func() {
		v, err := fn()
		fut <- outcome[T]{v, err}
	}()
	return fut
}

// ThreadPoolExecutor(max_workers=2): an errgroup.Group with SetLimit(2);
// Go waits for a free slot, Wait joins them all, as shutdown(wait=True).
func Example_futuresThreadPoolExecutor() {
	var g errgroup.Group
	g.SetLimit(2)
	var mu sync.Mutex
	running, most := 0, 0
	lengths := make([]int, 5)
	for i, word := range []string{"a", "bb", "ccc", "dddd", "eeeee"} {
		g.Go(func() error {
			mu.Lock()
			running++
			most = max(most, running)
			mu.Unlock()
			lengths[i] = len(word)
			mu.Lock()
			running--
			mu.Unlock()
			return nil
		})
	}
	fmt.Println(g.Wait(), lengths, "never more than 2 at once:", most <= 2)
	// Output: <nil> [1 2 3 4 5] never more than 2 at once: true
}

// executor.submit(fn) and future.result(): a goroutine that sends its
// outcome on a channel of one; receiving is result().
func Example_futuresSubmit() {
	fut := submit(func() (int, error) { return strconv.Atoi("42") })
	r := <-fut
	fmt.Println(r.val, r.err)
	// Output: 42 <nil>
}

// future.exception(): there are no exceptions to capture. A failure is an
// error value returned beside the result; a panic is not captured at all
// and ends the program, unless the goroutine recovers it (see
// Example_threadingExcepthook).
func Example_futuresException() {
	fut := submit(func() (int, error) { return strconv.Atoi("forty-two") })
	r := <-fut
	var numErr *strconv.NumError
	fmt.Println(r.err, errors.As(r.err, &numErr))
	// Output: strconv.Atoi: parsing "forty-two": invalid syntax true
}

// executor.map(fn, items): an errgroup whose goroutines write their own
// index of the result slice, so results keep the input order. With
// WithContext, the first error cancels the context the others watch.
func Example_futuresMap() {
	inputs := []string{"3", "1", "2"}
	results := make([]int, len(inputs))
	g, _ := errgroup.WithContext(context.Background())
	for i, s := range inputs {
		g.Go(func() error {
			n, err := strconv.Atoi(s)
			results[i] = n * n
			return err
		})
	}
	fmt.Println(results, g.Wait())
	// Output: [9 1 4] <nil>
}

// concurrent.futures.as_completed(fs): every task sends on one shared
// channel, so results arrive in the order the tasks finish. Here the
// finishing order is forced (2, then 0, then 1) by releasing each task in
// turn, and it is not the order they were started in.
func Example_futuresAsCompleted() {
	done := make(chan int)
	release := make([]chan struct{}, 3)
	for i := range release {
		release[i] = make(chan struct{})
		go func() {
			<-release[i] // the work, finishing when it is told to
			done <- i
		}()
	}
	for _, i := range []int{2, 0, 1} {
		close(release[i])
		fmt.Print(<-done, " ")
	}
	fmt.Println()
	// Output: 2 0 1
}

// concurrent.futures.wait(fs, return_when=FIRST_COMPLETED): take the
// first outcome from the shared channel, then cancel the context the
// others watch, and wait for them to stop.
func Example_futuresWaitFirstCompleted() {
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan string, 3)
	var wg sync.WaitGroup
	wg.Go(func() { first <- "quick" })
	for range 2 {
		wg.Go(func() {
			select {
			case <-time.After(time.Hour):
				first <- "slow"
			case <-ctx.Done():
			}
		})
	}
	fmt.Println("first:", <-first)
	cancel()
	wg.Wait()
	fmt.Println("left in the channel:", len(first))
	// Output:
	// first: quick
	// left in the channel: 0
}

// concurrent.futures.wait(fs, return_when=FIRST_EXCEPTION): an errgroup
// made WithContext cancels its context at the first error; Wait returns
// that error once every goroutine has returned.
func Example_futuresWaitFirstException() {
	g, ctx := errgroup.WithContext(context.Background())
	g.Go(func() error { return errors.New("disk full") })
	for range 2 {
		g.Go(func() error {
			<-ctx.Done() // long work that watches its context
			return ctx.Err()
		})
	}
	fmt.Println(g.Wait())
	// Output: disk full
}

// executor.shutdown(wait=True, cancel_futures=True): the pool's workers
// check a context before each queued job; cancelling it skips those not
// started, while the running one finishes, as in Python.
func Example_futuresShutdownCancelFutures() {
	ctx, cancel := context.WithCancel(context.Background())
	queue := make(chan int, 4)
	results := make([]string, 4)
	started, finish := make(chan struct{}), make(chan struct{})
	var workers sync.WaitGroup
	workers.Go(func() { // one worker
		for j := range queue {
			if err := ctx.Err(); err != nil {
				results[j] = err.Error()
				continue
			}
			if j == 0 {
				close(started)
				<-finish // job 0 is running when shutdown comes
			}
			results[j] = "done"
		}
	})
	for j := range 4 {
		queue <- j
	}
	<-started
	cancel() // cancel_futures=True
	close(finish)
	close(queue)
	workers.Wait() // wait=True
	fmt.Println(results)
	// Output: [done context canceled context canceled context canceled]
}

// future.result(timeout=0.001): wait on the channel under a context with
// a deadline; on timeout the task goes on, as Python's does.
func Example_futuresResultTimeout() {
	gate := make(chan struct{})
	fut := submit(func() (string, error) { <-gate; return "late", nil })
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	select {
	case r := <-fut:
		fmt.Println(r.val)
	case <-ctx.Done():
		fmt.Println("timed out:", ctx.Err())
	}
	close(gate)
	fmt.Println("still finishes:", (<-fut).val)
	// Output:
	// timed out: context deadline exceeded
	// still finishes: late
}

// future.add_done_callback(fn): a goroutine that waits for the outcome
// and calls fn with it. Go code more often just does the next step at
// the end of the goroutine itself.
func Example_futuresAddDoneCallback() {
	fut := submit(func() (int, error) { return 7, nil })
	called := make(chan struct{})
	whenDone := func(fn func(outcome[int])) {
		go func() {
			defer close(called)
			fn(<-fut)
		}()
	}
	whenDone(func(r outcome[int]) { fmt.Println("callback got", r.val, r.err) })
	<-called
	// Output: callback got 7 <nil>
}

// future.cancel(): cancel the context the task watches. Python cancels
// only a future that has not started; a Go task stops whenever it next
// checks its context, running or not, and only if it checks.
func Example_futuresCancel() {
	ctx, cancel := context.WithCancel(context.Background())
	running := make(chan struct{})
	fut := submit(func() (int, error) {
		close(running)
		<-ctx.Done() // a running task that watches its context
		return 0, ctx.Err()
	})
	<-running
	cancel()
	fmt.Println((<-fut).err)
	// Output: context canceled
}
