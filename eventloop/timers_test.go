// Claim A3, the bookkeeping: a wait that ends before its deadline (a
// cancelled Sleep, a WaitFor whose future came first) leaves its timer in
// the heap, stale. A stale timer wakes nobody, stale timers cannot pile
// up, and a huge timeout does not overflow the clock.
//
//	go test -run 'TestStaleTimer|TestHugeTimeout' -v ./eventloop/
//
// You will see a 20 s sleep begun at 1s, after a cancelled 10 s one, wake
// at 21s; the heap never pass 65 entries across 1,000 stale timers; and
// WaitFor with the largest timeout return its task's result.

package eventloop

import (
	"errors"
	"math"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStaleTimerDoesNotWakeALaterWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		woke, err := runQuiet(t, func(co *Coro) (time.Duration, error) {
			sleeper := CreateTask(co, "sleeper", func(co *Coro) (time.Duration, error) {
				if err := co.Sleep(10 * time.Second); !errors.Is(err, ErrCancelled) {
					return 0, errors.New("first sleep was not cancelled")
				}
				// The 10 s timer is still in the heap; it must not cut
				// this second sleep short.
				if err := co.Sleep(20 * time.Second); err != nil {
					return 0, err
				}
				return time.Since(start), nil
			})
			if err := co.Sleep(time.Second); err != nil {
				return 0, err
			}
			require.NoError(t, sleeper.Cancel())
			return Await(co, sleeper)
		})
		require.NoError(t, err)
		assert.Equal(t, 21*time.Second, woke)
		t.Logf("the 20 s sleep begun at 1s woke at %v", woke)
	})
}

func TestStaleTimersAreSweptFromTheHeap(t *testing.T) {
	l := New()
	longest, err := Run(l, func(co *Coro) (int, error) {
		longest := 0
		for range 1000 {
			f := NewFuture[int](l)
			if err := l.CallSoon(func() { _ = f.SetResult(1) }); err != nil {
				return 0, err
			}
			// The future wins; the hour-long timer is left stale.
			if _, err := WaitFor(co, f, time.Hour); err != nil {
				return 0, err
			}
			longest = max(longest, l.timers.len())
		}
		return longest, nil
	})
	require.NoError(t, err)
	// One task, so at most one live timer: the sweep keeps the heap to its
	// threshold (64 entries) plus the one just added, not 1000.
	assert.LessOrEqual(t, longest, 65)
	t.Logf("the heap held at most %d entries across 1,000 stale timers", longest)
}

func TestHugeTimeoutDoesNotOverflowTheClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		v, err := runQuiet(t, func(co *Coro) (string, error) {
			// Let the loop's clock leave zero, so that now + timeout overflows.
			if err := co.Sleep(time.Second); err != nil {
				return "", err
			}
			return WaitFor(co, CreateTask(co, "wait", wait(time.Second)), math.MaxInt64)
		})
		require.NoError(t, err)
		assert.Equal(t, "waited 1s", v)
		t.Logf("WaitFor(co, task, MaxInt64) returned %q", v)
	})
}
