// Claim A7: a coroutine that never awaits stalls every task on its loop. A
// blocking call or a long computation holds the loop until it returns;
// Debug names the culprit and its duration, and ToThread is the fix. Both
// run in virtual time: time.Sleep inside a bubble is a blocking call that
// takes virtual time.
//
//	go test -run 'TestBlockingCall|TestSlowStep' -v ./eventloop/
//
// You will see a ticker due at 100ms first run at 1s, behind a task that
// blocked for 1 s, and the warning that names that task; with the call in
// ToThread the ticks come at 100ms, 200ms and 300ms; and only the steps at
// or over the threshold reported.

package eventloop

import (
	"bytes"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ticker records when it ran, asking for every 100 ms.
func ticker(start time.Time, ticks *[]time.Duration, n int) func(*Coro) (int, error) {
	return func(co *Coro) (int, error) {
		for range n {
			if err := co.Sleep(100 * time.Millisecond); err != nil {
				return 0, err
			}
			*ticks = append(*ticks, time.Since(start))
		}
		return n, nil
	}
}

func TestBlockingCallStallsEveryTask(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var log bytes.Buffer
		l := New(Debug(50*time.Millisecond), Log(&log))
		start := time.Now()
		var ticks []time.Duration
		_, err := Run(l, func(co *Coro) (int, error) {
			tick := CreateTask(co, "ticker", ticker(start, &ticks, 3))
			hog := CreateTask(co, "hog", func(co *Coro) (int, error) {
				time.Sleep(time.Second) // blocks the loop's thread: no await
				return 0, nil
			})
			if _, err := Await(co, hog); err != nil {
				return 0, err
			}
			return Await(co, tick)
		})
		require.NoError(t, err)
		// The first tick was due at 100 ms but waited for the hog.
		assert.Equal(t, []time.Duration{time.Second, 1100 * time.Millisecond, 1200 * time.Millisecond}, ticks)
		t.Logf("ticks due every 100ms came at %v", ticks)
		logWarnings(t, l)
		assert.Equal(t, []string{`eventloop: task "hog" held the loop for 1s (threshold 50ms)`}, l.Warnings())
		assert.Equal(t, l.Warnings()[0]+"\n", log.String())
	})
}

func TestBlockingCallInToThreadLeavesTheLoopFree(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var log bytes.Buffer
		l := New(Debug(50*time.Millisecond), Log(&log))
		start := time.Now()
		var ticks []time.Duration
		_, err := Run(l, func(co *Coro) (int, error) {
			tick := CreateTask(co, "ticker", ticker(start, &ticks, 3))
			hog := CreateTask(co, "hog", func(co *Coro) (int, error) {
				return ToThread(co, func() (int, error) {
					time.Sleep(time.Second) // the same call, off the loop
					return 0, nil
				})
			})
			if _, err := Await(co, tick); err != nil {
				return 0, err
			}
			return Await(co, hog)
		})
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond}, ticks)
		t.Logf("with the call in ToThread, ticks came at %v", ticks)
		assert.Empty(t, l.Warnings(), "no step held the loop")
		assert.Equal(t, time.Second, time.Since(start))
	})
}

func TestSlowStepReportsOnlyStepsOverTheThreshold(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(Debug(100*time.Millisecond), Log(nil))
		_, err := Run(l, func(co *Coro) (int, error) {
			time.Sleep(99 * time.Millisecond) // under: not reported
			if err := co.Sleep(time.Hour); err != nil {
				return 0, err // the hour is virtual and not a step
			}
			time.Sleep(100 * time.Millisecond) // at the threshold: reported
			require.NoError(t, co.Loop().CallSoon(func() { time.Sleep(300 * time.Millisecond) }))
			return 0, co.Sleep(0)
		})
		require.NoError(t, err)
		assert.Equal(t, []string{
			`eventloop: task "main" held the loop for 100ms (threshold 100ms)`,
			`eventloop: a callback held the loop for 300ms (threshold 100ms)`,
		}, l.Warnings())
		logWarnings(t, l)
	})
}
