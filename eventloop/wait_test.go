// Claim: Wait waits as asyncio.wait does, in virtual time: for the first
// done, the first failed or all, with nothing cancelled on the way; and
// Wait and AsCompleted refuse each misuse with a named error.
//
//	go test -run 'TestWait(First|All|Sees|Cancelled|Misuse|From)' -v ./eventloop/
//
// You will see Wait return after 1s with the one task done and the others
// still running, finish the rest at 3s, give up at the first failure (2s)
// and not at a cancellation (1s), and each misuse logged with its error.

package eventloop_test

import (
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// inBubble runs main as the first task of a quiet loop (runLoop) inside a
// testing/synctest bubble, so that its sleeps pass in virtual time, and
// requires the loop to end without error.
func inBubble(t *testing.T, main func(co *eventloop.Coro) (int, error)) {
	t.Helper()
	synctest.Test(t, func(t *testing.T) {
		_, err := runLoop(t, main)
		require.NoError(t, err)
	})
}

// sleepers makes one task per duration, each sleeping it and returning
// its own index.
func sleepers(co *eventloop.Coro, ds ...time.Duration) []eventloop.Awaitable[int] {
	var tasks []eventloop.Awaitable[int]
	for i, d := range ds {
		tasks = append(tasks, eventloop.CreateTask(co, fmt.Sprint("sleep ", d), func(co *eventloop.Coro) (int, error) {
			return i, co.Sleep(d)
		}))
	}
	return tasks
}

func TestWaitFirstCompletedReturnsAtTheFirstAndCancelsNothing(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		tasks := sleepers(co, 3*time.Second, time.Second, 2*time.Second)
		done, err := eventloop.Wait(co, eventloop.FirstCompleted, tasks...)
		require.NoError(t, err)
		t.Logf("at %v: done %v", time.Since(start), done)
		assert.Equal(t, []int{1}, done)
		assert.Equal(t, time.Second, time.Since(start))

		rest, err := eventloop.Wait(co, eventloop.AllCompleted, tasks[0], tasks[2])
		require.NoError(t, err)
		t.Logf("at %v: the rest done %v (indices into the two)", time.Since(start), rest)
		assert.Equal(t, []int{1, 0}, rest, "the 2 s task first, then the 3 s one: none was cancelled")
		assert.Equal(t, 3*time.Second, time.Since(start))
		got, err := eventloop.Await(co, tasks[0])
		assert.NoError(t, err)
		assert.Equal(t, 0, got)
		return 0, nil
	})
}

func TestWaitAllCompletedListsTheDoneFirstThenInFinishingOrder(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		tasks := sleepers(co, 2*time.Second, 0, time.Second)
		ready := eventloop.NewFuture[int](co.Loop())
		require.NoError(t, ready.SetResult(7))
		done, err := eventloop.Wait(co, eventloop.AllCompleted, append(tasks, ready)...)
		require.NoError(t, err)
		t.Logf("done %v", done)
		assert.Equal(t, []int{3, 1, 2, 0}, done, "the future was done already; then 0 s, 1 s, 2 s")
		return 0, nil
	})
}

func TestWaitFirstExceptionIgnoresCancellations(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		boom := errors.New("boom")
		cancelled := eventloop.CreateTask(co, "cancelled", func(co *eventloop.Coro) (int, error) {
			return 0, co.Sleep(time.Hour)
		})
		failing := eventloop.CreateTask(co, "failing", func(co *eventloop.Coro) (int, error) {
			if err := co.Sleep(2 * time.Second); err != nil {
				return 0, err
			}
			return 0, boom
		})
		slow := eventloop.CreateTask(co, "slow", func(co *eventloop.Coro) (int, error) {
			return 0, co.Sleep(5 * time.Second)
		})
		canceller := eventloop.CreateTask(co, "canceller", func(co *eventloop.Coro) (int, error) {
			if err := co.Sleep(time.Second); err != nil {
				return 0, err
			}
			return 0, cancelled.Cancel()
		})
		done, err := eventloop.Wait(co, eventloop.FirstException, cancelled, failing, slow)
		require.NoError(t, err)
		t.Logf("at %v: done %v", time.Since(start), done)
		assert.Equal(t, []int{0, 1}, done, "the cancellation at 1s did not end the wait; the failure at 2s did")
		assert.Equal(t, 2*time.Second, time.Since(start))
		assert.False(t, slow.Done(), "the slow task is still running")
		_, err = eventloop.Await(co, failing)
		assert.ErrorIs(t, err, boom)

		// With no failure at all, FirstException waits for every one.
		done, err = eventloop.Wait(co, eventloop.FirstException, slow, canceller)
		require.NoError(t, err)
		assert.Equal(t, []int{1, 0}, done)
		assert.Equal(t, 5*time.Second, time.Since(start))
		return 0, nil
	})
}

// A task cancelled before it ever started is done like any other.
func TestWaitSeesATaskCancelledBeforeItStarted(t *testing.T) {
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		never := sleepers(co, time.Hour)[0]
		require.NoError(t, never.(*eventloop.Task[int]).Cancel())
		done, err := eventloop.Wait(co, eventloop.FirstCompleted, never)
		assert.NoError(t, err)
		assert.Equal(t, []int{0}, done)
		for i, err := range eventloop.AsCompleted(co, sleepers(co, 0)...) {
			assert.NoError(t, err)
			assert.Equal(t, 0, i)
		}
		return 0, nil
	})
	require.NoError(t, err)
}

func TestWaitCancelledLeavesTheAwaitablesRunning(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		child := sleepers(co, 2*time.Second)[0]
		waiter := eventloop.CreateTask(co, "waiter", func(co *eventloop.Coro) ([]int, error) {
			return eventloop.Wait(co, eventloop.AllCompleted, child)
		})
		require.NoError(t, co.Sleep(time.Second))
		require.NoError(t, waiter.Cancel())
		done, err := eventloop.Await(co, waiter)
		assert.ErrorIs(t, err, eventloop.ErrCancelled)
		assert.Empty(t, done)
		got, err := eventloop.Await(co, child)
		t.Logf("at %v: the waited-for task still ended with %v, %v", time.Since(start), got, err)
		assert.NoError(t, err, "cancelling the wait did not cancel what it waited for")
		assert.Equal(t, 2*time.Second, time.Since(start))
		return 0, nil
	})
}

func TestWaitMisuseHasNamedErrors(t *testing.T) {
	other := eventloop.New()
	foreign := eventloop.NewFuture[int](other)
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		task := sleepers(co, 0)[0]
		var nilTask *eventloop.Task[int]
		for _, tc := range []struct {
			name string
			when eventloop.ReturnWhen
			aws  []eventloop.Awaitable[int]
			want error
		}{
			{"bad ReturnWhen", eventloop.ReturnWhen(7), []eventloop.Awaitable[int]{task}, eventloop.ErrBadReturnWhen},
			{"negative ReturnWhen", eventloop.ReturnWhen(-1), nil, eventloop.ErrBadReturnWhen},
			{"nil awaitable", eventloop.AllCompleted, []eventloop.Awaitable[int]{task, nil}, eventloop.ErrNilFuture},
			{"nil task", eventloop.FirstCompleted, []eventloop.Awaitable[int]{nilTask}, eventloop.ErrNilFuture},
			{"another loop's future", eventloop.AllCompleted, []eventloop.Awaitable[int]{foreign}, eventloop.ErrOtherLoop},
			{"a future on no loop", eventloop.AllCompleted, []eventloop.Awaitable[int]{eventloop.NewFuture[int](nil)}, eventloop.ErrOtherLoop},
		} {
			done, err := eventloop.Wait(co, tc.when, tc.aws...)
			t.Logf("Wait, %s: %v", tc.name, err)
			assert.ErrorIs(t, err, tc.want, tc.name)
			assert.Empty(t, done)
			if errors.Is(tc.want, eventloop.ErrBadReturnWhen) {
				continue // AsCompleted takes no ReturnWhen
			}
			calls := 0
			for i, err := range eventloop.AsCompleted(co, tc.aws...) {
				calls++
				assert.Equal(t, -1, i)
				assert.ErrorIs(t, err, tc.want, tc.name)
			}
			assert.Equal(t, 1, calls, "AsCompleted yields the error once, then ends")
		}
		done, err := eventloop.Wait[int](co, eventloop.FirstCompleted)
		assert.NoError(t, err, "nothing to wait for returns at once")
		assert.Empty(t, done)

		// A task born failed (made outside the loop) is done: waiting for
		// it returns at once, and awaiting it gives its reason.
		bornFailed := eventloop.CreateTask(nil, "born failed", func(*eventloop.Coro) (int, error) { return 0, nil })
		done, err = eventloop.Wait(co, eventloop.AllCompleted, eventloop.Awaitable[int](bornFailed))
		assert.NoError(t, err)
		assert.Equal(t, []int{0}, done)
		_, err = eventloop.Await(co, bornFailed)
		assert.ErrorIs(t, err, eventloop.ErrOutsideLoop)
		_, err = eventloop.Await(co, task)
		return 0, err
	})
	require.NoError(t, err)

	_, err = eventloop.Wait(nil, eventloop.AllCompleted, eventloop.Awaitable[int](foreign))
	assert.ErrorIs(t, err, eventloop.ErrOutsideLoop, "no task at all")
	for _, err := range eventloop.AsCompleted[int](nil) {
		assert.ErrorIs(t, err, eventloop.ErrOutsideLoop)
	}
}

func TestWaitFromAnotherGoroutineIsRefused(t *testing.T) {
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		task := sleepers(co, time.Millisecond)[0]
		result := make(chan error)
		go func() {
			_, err := eventloop.Wait(co, eventloop.AllCompleted, task)
			result <- err
		}()
		got := <-result // main's step is running, blocked here, on the loop's thread
		t.Logf("Wait from another goroutine: %v", got)
		assert.ErrorIs(t, got, eventloop.ErrWrongGoroutine)
		_, err := eventloop.Await(co, task)
		return 0, err
	})
	require.NoError(t, err)
}
