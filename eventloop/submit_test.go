// Claim A14, the other door, under test: goroutines outside the loop hand
// it coroutines and wait for their answers, each with a context. The
// tasks run concurrently on the loop, a waiter may give up and cancel,
// and a loop that ends first leaves no waiter hanging.
//
//	go test -race -run 'TestSubmit|ExampleSubmit' -v ./eventloop/
//
// You will see each of eight goroutines get its own task's answer at its
// own second, 8s for all together, and how each Pending of a closing loop
// ended.

package eventloop_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestSubmitFromSeveralGoroutines(t *testing.T) {
	const n = 8
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		answers := make([]string, n)
		waitedFor := make([]time.Duration, n)
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			l := co.Loop()
			outsideDone := eventloop.NewFuture[error](l)
			// The outside world: n goroutines, none of them the loop's,
			// each submitting one coroutine and waiting for its answer.
			go func() {
				var wg sync.WaitGroup
				errs := make([]error, n)
				for i := range n {
					wg.Go(func() {
						p, err := eventloop.Submit(l, fmt.Sprint("job ", i), func(co *eventloop.Coro) (string, error) {
							if err := co.Sleep(time.Duration(i+1) * time.Second); err != nil {
								return "", err
							}
							return fmt.Sprintf("%s after %v", co.Name(), time.Since(start)), nil
						})
						if err != nil {
							errs[i] = err
							return
						}
						answers[i], errs[i] = p.Wait(context.Background())
						waitedFor[i] = time.Since(start)
					})
				}
				wg.Wait()
				_ = l.CallSoonThreadsafe(func() { _ = outsideDone.SetResult(firstError(errs)) })
			}()
			// Main only keeps the loop running until the outside is done.
			outsideErr, err := eventloop.Await(co, outsideDone)
			if err != nil {
				return 0, err
			}
			return 0, outsideErr
		})
		require.NoError(t, err)
		for i := range n {
			t.Logf("goroutine %d got %q at %v", i, answers[i], waitedFor[i])
			assert.Equal(t, fmt.Sprintf("job %d after %v", i, time.Duration(i+1)*time.Second), answers[i])
			assert.Equal(t, time.Duration(i+1)*time.Second, waitedFor[i], "each waiter wakes when its own task ends")
		}
		assert.Equal(t, n*time.Second, time.Since(start), "the tasks overlapped: the longest, not the sum")
		t.Logf("all %d together took %v", n, time.Since(start))
	})
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func TestSubmitNeedsARunningLoop(t *testing.T) {
	l := eventloop.New(eventloop.Log(nil))
	_, err := eventloop.Submit(l, "early", one)
	assert.ErrorIs(t, err, eventloop.ErrOutsideLoop, "before Run")
	_, err = eventloop.Run(l, one)
	require.NoError(t, err)
	_, err = eventloop.Submit(l, "late", one)
	assert.ErrorIs(t, err, eventloop.ErrLoopClosed, "after Run")
}

func TestSubmitWaitHonoursItsContextAndCancelReachesTheTask(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var waitErr, cancelErr, finalErr error
		var waitedFor time.Duration
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			l := co.Loop()
			outsideDone := eventloop.NewFuture[bool](l)
			go func() {
				defer func() { _ = l.CallSoonThreadsafe(func() { _ = outsideDone.SetResult(true) }) }()
				p, err := eventloop.Submit(l, "long", sleepThenSay(time.Hour))
				if err != nil {
					finalErr = err
					return
				}
				ctx, cancel := context.WithTimeout(context.Background(), time.Second)
				defer cancel()
				_, waitErr = p.Wait(ctx) // gives up after 1 s; the task runs on
				waitedFor = time.Since(start)
				cancelErr = p.Cancel()
				_, finalErr = p.Wait(context.Background())
			}()
			_, err := eventloop.Await(co, outsideDone)
			return 0, err
		})
		require.NoError(t, err)
		assert.ErrorIs(t, waitErr, context.DeadlineExceeded)
		assert.Equal(t, time.Second, waitedFor)
		assert.NoError(t, cancelErr)
		assert.ErrorIs(t, finalErr, eventloop.ErrCancelled)
		assert.Equal(t, time.Second, time.Since(start), "the hour-long task ended at the cancel")
	})
}

func TestSubmitWaitersAreToldWhenTheLoopEndsFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := eventloop.New(eventloop.Log(nil))
		var running, closing, dropped *eventloop.Pending[string]
		var droppedErr error
		_, err := eventloop.Run(l, func(co *eventloop.Coro) (int, error) {
			var err error
			// Started and still sleeping when main returns: cancelled.
			if running, err = eventloop.Submit(l, "running", sleepThenSay(time.Hour)); err != nil {
				return 0, err
			}
			// An executor call that submits once the closing loop has
			// cancelled it, while the loop waits for it after its last
			// turn: that submission is never started.
			submitOnCancel := eventloop.InGoroutines(func(ctx context.Context, _ struct{}) (int, error) {
				<-ctx.Done()
				dropped, droppedErr = eventloop.Submit(l, "dropped", sleepThenSay(0))
				return 0, nil
			})
			eventloop.CreateTask(co, "call", func(co *eventloop.Coro) (int, error) {
				return eventloop.RunInExecutor(co, submitOnCancel, struct{}{})
			})
			if err := co.Sleep(time.Second); err != nil {
				return 0, err
			}
			// Reaches the loop in the turn it begins to close: never
			// started either.
			closing, err = eventloop.Submit(l, "closing", sleepThenSay(0))
			return 0, err
		})
		require.NoError(t, droppedErr, "the loop was still running when the call submitted")
		require.NoError(t, err)
		for _, tc := range []struct {
			p    *eventloop.Pending[string]
			want error
		}{
			{running, eventloop.ErrCancelled},
			{closing, eventloop.ErrLoopClosing},
			{dropped, eventloop.ErrLoopClosing},
		} {
			require.NotNil(t, tc.p)
			require.True(t, isDone(tc.p), "%s: the loop has finished, so its Pending is done", tc.p.Name())
			_, err := tc.p.Wait(context.Background())
			assert.ErrorIs(t, err, tc.want, tc.p.Name())
			t.Logf("Pending %q ended with: %v", tc.p.Name(), err)
			assert.ErrorIs(t, tc.p.Cancel(), eventloop.ErrAlreadyDone, tc.p.Name())
		}
	})
}

func isDone[T any](p *eventloop.Pending[T]) bool {
	select {
	case <-p.Done():
		return true
	default:
		return false
	}
}

func TestSubmitWaitOnTheLoopIsRefused(t *testing.T) {
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		p, err := eventloop.Submit(co.Loop(), "mine", one)
		if err != nil {
			return 0, err
		}
		// Waiting here would block the loop that has to run the task.
		_, err = p.Wait(context.Background())
		assert.ErrorIs(t, err, eventloop.ErrWrongGoroutine)
		for !isDone(p) {
			if err := co.Sleep(0); err != nil {
				return 0, err
			}
		}
		return p.Wait(context.Background()) // done: nothing to wait for
	})
	require.NoError(t, err)
}

// ExampleSubmit runs a loop on a goroutine of its own, as a program whose
// main goroutine does something else would, and hands it work from
// outside.
func ExampleSubmit() {
	loop := eventloop.New()
	var stop *eventloop.Future[int] // the loop's: set and read only there
	started := make(chan struct{})
	finished := make(chan error)
	go func() {
		_, err := eventloop.Run(loop, func(co *eventloop.Coro) (int, error) {
			stop = eventloop.NewFuture[int](co.Loop())
			close(started)
			return eventloop.Await(co, stop) // main only keeps the loop alive
		})
		finished <- err
	}()
	<-started

	// From here on this goroutine is outside the loop: it submits and waits.
	p, err := eventloop.Submit(loop, "fetch", fetchData(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	result, err := p.Wait(context.Background())
	fmt.Println(result, err)

	_ = loop.CallSoonThreadsafe(func() { _ = stop.SetResult(0) })
	fmt.Println("loop finished:", <-finished)
	_, err = eventloop.Submit(loop, "late", fetchData(2))
	fmt.Println(err)
	// Output:
	// Do something with 1...
	// Done with 1
	// Result of 1 <nil>
	// loop finished: <nil>
	// eventloop: loop is closed; a loop runs only once
}
