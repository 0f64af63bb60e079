// Claim A3, at the edge: a deadline already past is due now, not never. A
// timeout from time.Until of a passed deadline is negative; added to the
// loop's clock it could fall below zero, which the timers once read as
// the overflow of a huge timeout, so WaitFor waited the task's whole
// length and returned its result as if on time. It must time out at once,
// as a zero timeout does, and Sleep must treat a negative duration as
// Sleep(0).
//
//	go test -run 'TestWaitForAPast|TestSleepANegative' -v ./eventloop/
//
// You will see every past deadline give up 0s after WaitFor was called, a
// finished task still return "on time", and Sleep(-1h) let the other
// ready task run once.

package eventloop_test

import (
	"context"
	"math"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// sleepThenSay is a coroutine that sleeps d, then answers.
func sleepThenSay(d time.Duration) func(*eventloop.Coro) (string, error) {
	return func(co *eventloop.Coro) (string, error) {
		if err := co.Sleep(d); err != nil {
			return "", err
		}
		return "on time", nil
	}
}

func TestWaitForAPastDeadlineTimesOutAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name    string
		timeout func(now time.Time) time.Duration
	}{
		{"zero", func(time.Time) time.Duration { return 0 }},
		{"minus1ns", func(time.Time) time.Duration { return -time.Nanosecond }},
		{"untilAnHourAgo", func(now time.Time) time.Duration { return time.Until(now.Add(-time.Hour)) }},
		{"minInt64", func(time.Time) time.Duration { return math.MinInt64 }},
	} {
		t.Run("timeout="+tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
					// Let the loop's clock leave zero: a timeout more
					// negative than the loop's age is the case that hung.
					if err := co.Sleep(time.Second); err != nil {
						return 0, err
					}
					task := eventloop.CreateTask(co, "slow", sleepThenSay(time.Hour))
					called := time.Now()
					got, err := eventloop.WaitFor(co, task, tc.timeout(called))
					t.Logf("WaitFor gave up %v after it was called: %v", time.Since(called), err)
					assert.ErrorIs(t, err, eventloop.ErrTimeout)
					assert.ErrorIs(t, err, context.DeadlineExceeded)
					assert.Empty(t, got)
					assert.Equal(t, time.Second, time.Since(start), "timed out at once")
					_, err = eventloop.Await(co, task)
					assert.ErrorIs(t, err, eventloop.ErrCancelled, "and the task was cancelled")
					return 0, nil
				})
				require.NoError(t, err)
				assert.Equal(t, time.Second, time.Since(start))
			})
		})
	}
}

func TestWaitForAPastDeadlineStillReturnsWhatIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got, err := runLoop(t, func(co *eventloop.Coro) (string, error) {
			task := eventloop.CreateTask(co, "quick", sleepThenSay(0))
			if _, err := eventloop.Await(co, task); err != nil {
				return "", err
			}
			return eventloop.WaitFor(co, task, -time.Hour)
		})
		require.NoError(t, err, "a finished task has its result whatever the timeout")
		assert.Equal(t, "on time", got)
		t.Logf("a finished task under a -1h timeout: %q", got)
		assert.Equal(t, time.Duration(0), time.Since(start))
	})
}

func TestSleepANegativeDurationYieldsOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var log []string
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			if err := co.Sleep(time.Second); err != nil {
				return 0, err
			}
			other := eventloop.CreateTask(co, "other", func(*eventloop.Coro) (int, error) {
				log = append(log, "other ran")
				return 0, nil
			})
			log = append(log, "main sleeps -1h")
			if err := co.Sleep(-time.Hour); err != nil {
				return 0, err
			}
			log = append(log, "main resumed at "+time.Since(start).String())
			return eventloop.Await(co, other)
		})
		require.NoError(t, err)
		for _, line := range log {
			t.Log(line)
		}
		assert.Equal(t, []string{"main sleeps -1h", "other ran", "main resumed at 1s"}, log,
			"like Sleep(0): one yield, in which the other ready task ran")
	})
}
