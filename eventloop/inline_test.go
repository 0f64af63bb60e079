// Claim A13: awaiting a coroutine directly runs it inline, in order; only
// a created task runs concurrently. In Go a coroutine is a function that
// takes the *Coro, so "awaiting it directly" is calling it, v, err :=
// fetch(co), and it runs on the caller's own coroutine. The same function
// given to CreateTask becomes a task of its own.
//
//	go test -run 'TestDirectAwait|TestCreatedTask' -v ./eventloop/
//
// You will see two direct 1 s calls take 2 s in order and the same two as
// tasks take 1 s; a task's first line run only once its creator yields;
// and a direct call cost no turn of the loop, a task two.

package eventloop_test

import (
	"fmt"
	"io"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// runLoop runs main on a fresh loop and fails the test if the loop warned
// about anything (a task left pending, an error nobody retrieved).
// sharing_test.go uses it too.
func runLoop[T any](t *testing.T, main func(*eventloop.Coro) (T, error)) (T, error) {
	t.Helper()
	l := eventloop.New(eventloop.Log(io.Discard))
	v, err := eventloop.Run(l, main)
	assert.Empty(t, l.Warnings(), "loop warnings")
	return v, err
}

// logLines logs a test's record, one entry a line.
func logLines(t *testing.T, log []string) {
	t.Helper()
	for _, line := range log {
		t.Log(line)
	}
}

// fetchOneSecond is a coroutine that logs when it starts and ends,
// measured from start in the bubble's virtual time.
func fetchOneSecond(log *[]string, start time.Time, name string) func(*eventloop.Coro) (string, error) {
	return func(co *eventloop.Coro) (string, error) {
		*log = append(*log, fmt.Sprintf("%s starts at %v", name, time.Since(start)))
		if err := co.Sleep(time.Second); err != nil {
			return "", err
		}
		*log = append(*log, fmt.Sprintf("%s ends at %v", name, time.Since(start)))
		return name, nil
	}
}

func TestDirectAwaitRunsInlineInOrder(t *testing.T) {
	// Called directly, b cannot start before a has returned: 2 s.
	t.Run("via=direct", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			var log []string
			_, err := runLoop(t, func(co *eventloop.Coro) (string, error) {
				a, err := fetchOneSecond(&log, start, "a")(co)
				if err != nil {
					return "", err
				}
				log = append(log, fmt.Sprintf("main has %s at %v", a, time.Since(start)))
				b, err := fetchOneSecond(&log, start, "b")(co)
				if err != nil {
					return "", err
				}
				log = append(log, fmt.Sprintf("main has %s at %v", b, time.Since(start)))
				return b, nil
			})
			require.NoError(t, err)
			assert.Equal(t, []string{
				"a starts at 0s", "a ends at 1s", "main has a at 1s",
				"b starts at 1s", "b ends at 2s", "main has b at 2s",
			}, log)
			logLines(t, log)
			assert.Equal(t, 2*time.Second, time.Since(start))
		})
	})
	// The same two functions made tasks before either is awaited: both
	// start at the first await and the whole takes 1 s.
	t.Run("via=task", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			var log []string
			_, err := runLoop(t, func(co *eventloop.Coro) (string, error) {
				ta := eventloop.CreateTask(co, "a", fetchOneSecond(&log, start, "a"))
				tb := eventloop.CreateTask(co, "b", fetchOneSecond(&log, start, "b"))
				for _, task := range []*eventloop.Task[string]{ta, tb} {
					v, err := eventloop.Await(co, task)
					if err != nil {
						return "", err
					}
					log = append(log, fmt.Sprintf("main has %s at %v", v, time.Since(start)))
				}
				return "", nil
			})
			require.NoError(t, err)
			assert.Equal(t, []string{
				"a starts at 0s", "b starts at 0s", "a ends at 1s", "b ends at 1s",
				"main has a at 1s", "main has b at 1s",
			}, log)
			logLines(t, log)
			assert.Equal(t, time.Second, time.Since(start))
		})
	})
}

// firstLine is a coroutine that only logs: it never suspends.
func firstLine(log *[]string) func(*eventloop.Coro) (int, error) {
	return func(*eventloop.Coro) (int, error) {
		*log = append(*log, "work: first line")
		return 1, nil
	}
}

func TestCreatedTaskStartsAtTheNextTurn(t *testing.T) {
	// A direct call runs at once, before the caller's next line.
	t.Run("via=direct", func(t *testing.T) {
		var log []string
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			log = append(log, "main: calls")
			if _, err := firstLine(&log)(co); err != nil {
				return 0, err
			}
			log = append(log, "main: continues")
			if err := co.Sleep(0); err != nil {
				return 0, err
			}
			log = append(log, "main: after its await")
			return 0, nil
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"main: calls", "work: first line", "main: continues", "main: after its await"}, log)
		logLines(t, log)
	})
	// A created task is only scheduled: its first line waits until the
	// caller yields the loop, here with a bare Sleep(0), not an Await.
	t.Run("via=task", func(t *testing.T) {
		var log []string
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			task := eventloop.CreateTask(co, "work", firstLine(&log))
			log = append(log, "main: created")
			log = append(log, fmt.Sprintf("main: continues, task done=%v", task.Done()))
			if err := co.Sleep(0); err != nil {
				return 0, err
			}
			log = append(log, fmt.Sprintf("main: after its await, task done=%v", task.Done()))
			return eventloop.Await(co, task)
		})
		require.NoError(t, err)
		assert.Equal(t, []string{
			"main: created", "main: continues, task done=false",
			"work: first line", "main: after its await, task done=true",
		}, log)
		logLines(t, log)
	})
}

// turnCounter is a task that yields at every turn of the loop, so it takes
// exactly one step per turn: its count is a clock that ticks in turns. It
// is also "another ready task": if its count has not moved, it did not run.
type turnCounter struct {
	turns   int
	stopped bool
	task    *eventloop.Task[int]
}

func startTurnCounter(co *eventloop.Coro) *turnCounter {
	c := &turnCounter{}
	c.task = eventloop.CreateTask(co, "turn counter", func(co *eventloop.Coro) (int, error) {
		for !c.stopped {
			c.turns++
			if err := co.Sleep(0); err != nil {
				return c.turns, err
			}
		}
		return c.turns, nil
	})
	return c
}

func (c *turnCounter) stop(co *eventloop.Coro) error {
	c.stopped = true
	_, err := eventloop.Await(co, c.task)
	return err
}

// yieldTimes is a coroutine that awaits n bare yields and returns.
func yieldTimes(n int) func(*eventloop.Coro) (int, error) {
	return func(co *eventloop.Coro) (int, error) {
		for range n {
			if err := co.Sleep(0); err != nil {
				return 0, err
			}
		}
		return n, nil
	}
}

func TestDirectAwaitAddsNoLoopTurn(t *testing.T) {
	direct := func(co *eventloop.Coro, fn func(*eventloop.Coro) (int, error)) (int, error) {
		return fn(co)
	}
	task := func(co *eventloop.Coro, fn func(*eventloop.Coro) (int, error)) (int, error) {
		return eventloop.Await(co, eventloop.CreateTask(co, "work", fn))
	}
	// A direct call costs the callee's own awaits and nothing more; a
	// task costs two turns on top: one to start it, one for its creator
	// to be woken once it is done.
	for _, tc := range []struct {
		via       string
		await     func(*eventloop.Coro, func(*eventloop.Coro) (int, error)) (int, error)
		yields    int
		wantTurns int
	}{
		{"direct", direct, 0, 0},
		{"direct", direct, 1, 1},
		{"task", task, 0, 2},
		{"task", task, 1, 3},
	} {
		t.Run(fmt.Sprintf("via=%s/yields=%d", tc.via, tc.yields), func(t *testing.T) {
			turns, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
				counter := startTurnCounter(co)
				if err := co.Sleep(0); err != nil { // let the counter start
					return 0, err
				}
				before := counter.turns
				if _, err := tc.await(co, yieldTimes(tc.yields)); err != nil {
					return 0, err
				}
				turns := counter.turns - before
				return turns, counter.stop(co)
			})
			require.NoError(t, err)
			assert.Equal(t, tc.wantTurns, turns, "turns of the loop between the await and the caller resuming")
			t.Logf("the caller resumed %d turns of the loop later", turns)
		})
	}
}
