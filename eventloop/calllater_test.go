// Claim A10, the lower layer at work: callbacks set for a time run at
// that time of virtual time, those due together in the order they were
// set; a cancelled one never runs, even when it has already fallen due;
// and callbacks with a future reach an answer with no task doing the
// work.
//
//	go test -run 'TestCallLater|TestCallAt|TestTimerHandle|TestCallbacksAlone' -v ./eventloop/
//
// You will see ten callbacks logged at the virtual time each ran, in
// deadline order ("a" before "a2", both due at 1s); CallAt's "an hour
// ago" at 0s and "two seconds on" at 2s; a log with neither cancelled
// callback in it and Cancel on a spent handle answering "already done";
// and a chain of two timers, a CallSoon and a done-callback that answers
// main at 2s while main only waits.

package eventloop_test

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// logAt returns a callback that appends name and the virtual time since
// start to log.
func logAt(log *[]string, start time.Time, name string) func() {
	return func() { *log = append(*log, fmt.Sprintf("%s at %v", name, time.Since(start))) }
}

func TestCallLaterRunsInVirtualTimeInTheOrderSet(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var log []string
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			l := co.Loop()
			// Seven durations, more than the loop keeps lanes for, so
			// that some of them go through its heap.
			for _, c := range []struct {
				name string
				d    time.Duration
			}{
				{"c", 3 * time.Second}, {"a", time.Second}, {"b", 2 * time.Second},
				{"a2", time.Second}, {"f", 6 * time.Second}, {"e", 5 * time.Second},
				{"d", 4 * time.Second}, {"g", 7 * time.Second}, {"now", 0}, {"past", -time.Second},
			} {
				if _, err := l.CallLater(c.d, logAt(&log, start, c.name)); err != nil {
					return 0, err
				}
			}
			return 0, co.Sleep(8 * time.Second)
		})
		require.NoError(t, err)
		logLines(t, log)
		assert.Equal(t, []string{
			"now at 0s", "past at 0s", "a at 1s", "a2 at 1s", "b at 2s", "c at 3s",
			"d at 4s", "e at 5s", "f at 6s", "g at 7s",
		}, log)
	})
}

func TestCallAtRunsAtItsTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var log []string
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			l := co.Loop()
			later, err := l.CallAt(start.Add(2*time.Second), logAt(&log, start, "two seconds on"))
			if err != nil {
				return 0, err
			}
			assert.Equal(t, start.Add(2*time.Second), later.When())
			if _, err := l.CallAt(start.Add(-time.Hour), logAt(&log, start, "an hour ago")); err != nil {
				return 0, err
			}
			return 0, co.Sleep(3 * time.Second)
		})
		require.NoError(t, err)
		logLines(t, log)
		assert.Equal(t, []string{"an hour ago at 0s", "two seconds on at 2s"}, log)
	})
}

func TestTimerHandleCancelledNeverRuns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var log []string
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			l := co.Loop()
			early, err := l.CallLater(time.Second, logAt(&log, start, "cancelled early"))
			if err != nil {
				return 0, err
			}
			require.NoError(t, early.Cancel())
			assert.True(t, early.Cancelled())
			again := early.Cancel()
			assert.ErrorIs(t, again, eventloop.ErrAlreadyDone)
			t.Logf("a second Cancel: %v", again)

			// Both fall due at 2s, in this order: the first cancels the
			// second, which is then already in the ready queue.
			var late *eventloop.TimerHandle
			if _, err := l.CallLater(2*time.Second, func() {
				log = append(log, fmt.Sprintf("canceller at %v", time.Since(start)))
				assert.NoError(t, late.Cancel())
			}); err != nil {
				return 0, err
			}
			if late, err = l.CallLater(2*time.Second, logAt(&log, start, "cancelled when due")); err != nil {
				return 0, err
			}

			ran, err := l.CallLater(time.Second, logAt(&log, start, "kept"))
			if err != nil {
				return 0, err
			}
			if err := co.Sleep(3 * time.Second); err != nil {
				return 0, err
			}
			after := ran.Cancel()
			assert.ErrorIs(t, after, eventloop.ErrAlreadyDone)
			assert.False(t, ran.Cancelled())
			t.Logf("Cancel once it has run: %v", after)
			return 0, nil
		})
		require.NoError(t, err)
		logLines(t, log)
		assert.Equal(t, []string{"kept at 1s", "canceller at 2s"}, log)
	})
}

// TestCallbacksAloneReachTheAnswer: main only waits on a future; timers,
// CallSoon and a done-callback do the work between them, as a program
// written against asyncio's lower layer would.
func TestCallbacksAloneReachTheAnswer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var log []string
		answer, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			l := co.Loop()
			result := eventloop.NewFuture[int](l)
			if err := result.AddDoneCallback(logAt(&log, start, "done-callback")); err != nil {
				return 0, err
			}
			step := func(name string, next func() error) func() {
				return func() {
					logAt(&log, start, name)()
					assert.NoError(t, next())
				}
			}
			finish := step("second timer", func() error { return result.SetResult(42) })
			soon := step("soon", func() error {
				_, err := l.CallLater(time.Second, finish)
				return err
			})
			first := step("first timer", func() error { return l.CallSoon(soon) })
			if _, err := l.CallLater(time.Second, first); err != nil {
				return 0, err
			}
			return eventloop.Await(co, result)
		})
		require.NoError(t, err)
		logLines(t, log)
		assert.Equal(t, 42, answer)
		assert.Equal(t, []string{"first timer at 1s", "soon at 1s", "second timer at 2s", "done-callback at 2s"}, log)
	})
}
