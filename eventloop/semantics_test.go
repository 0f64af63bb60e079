// Claims A3-A6: the material's asyncio timings, in virtual time. Each test
// runs in a testing/synctest bubble, so the loop's sleeps cost no real
// time and every duration is exact: three awaited 1 s waits take 3 s, a
// created task runs while its creator sleeps, three gathered 2 s waits
// take 2 s, and two tasks interleave in one fixed order.
//
//	go test -run 'TestAwaitInSequence|TestCreateTask|TestGather|TestTwoTasks' -v ./eventloop/
//
// You will see each test log what it measured: waits ending at 1s, 2s
// and 3s in sequence; a created task starting at 0s and the whole taking
// 5s; three gathered waits taking 2s; and steps in the order a0 b0 a1 b1
// a2 b2.

package eventloop

import (
	"bytes"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wait is the material's simplest coroutine: sleep, then return.
func wait(d time.Duration) func(*Coro) (string, error) {
	return func(co *Coro) (string, error) {
		if err := co.Sleep(d); err != nil {
			return "", err
		}
		return "waited " + d.String(), nil
	}
}

// runQuiet runs main on a fresh loop whose warnings go to a buffer, and
// fails the test if the loop warned about anything.
func runQuiet[T any](t *testing.T, main func(*Coro) (T, error)) (T, error) {
	t.Helper()
	var log bytes.Buffer
	l := New(Log(&log))
	v, err := Run(l, main)
	assert.Empty(t, log.String(), "loop warnings")
	return v, err
}

func TestAwaitInSequenceTakesTheSum(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got, err := runQuiet(t, func(co *Coro) ([]string, error) {
			var out []string
			for range 3 {
				// Awaiting each coroutine before making the next one:
				// nothing overlaps.
				s, err := Await(co, CreateTask(co, "wait", wait(time.Second)))
				if err != nil {
					return nil, err
				}
				out = append(out, fmt.Sprintf("%s at %v", s, time.Since(start)))
			}
			return out, nil
		})
		require.NoError(t, err)
		for _, line := range got {
			t.Log(line)
		}
		assert.Equal(t, []string{"waited 1s at 1s", "waited 1s at 2s", "waited 1s at 3s"}, got)
		assert.Equal(t, 3*time.Second, time.Since(start))
	})
}

func TestCreateTaskStartsBeforeAwait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var startedAt time.Duration = -1
		_, err := runQuiet(t, func(co *Coro) (string, error) {
			task := CreateTask(co, "one-second", func(co *Coro) (string, error) {
				startedAt = time.Since(start)
				return wait(time.Second)(co)
			})
			// The task runs during this sleep, though nobody awaits it yet.
			if err := co.Sleep(5 * time.Second); err != nil {
				return "", err
			}
			assert.True(t, task.Done(), "the task finished while main slept")
			return Await(co, task)
		})
		require.NoError(t, err)
		assert.Equal(t, time.Duration(0), startedAt, "started at the first await, not when awaited")
		assert.Equal(t, 5*time.Second, time.Since(start), "5 s, not 6")
		t.Logf("the task started at %v; the whole took %v", startedAt, time.Since(start))
	})
}

func TestGatherRunsConcurrently(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got, err := runQuiet(t, func(co *Coro) ([]string, error) {
			return Gather(co,
				CreateTask(co, "a", wait(2*time.Second)),
				CreateTask(co, "b", wait(2*time.Second)),
				CreateTask(co, "c", wait(2*time.Second)))
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"waited 2s", "waited 2s", "waited 2s"}, got)
		assert.Equal(t, 2*time.Second, time.Since(start))
		t.Logf("three 2 s waits gathered in %v", time.Since(start))
	})
}

func TestGatherKeepsArgumentOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got, err := runQuiet(t, func(co *Coro) ([]string, error) {
			return Gather(co,
				CreateTask(co, "slow", wait(3*time.Second)),
				CreateTask(co, "fast", wait(time.Second)),
				CreateTask(co, "mid", wait(2*time.Second)))
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"waited 3s", "waited 1s", "waited 2s"}, got)
		t.Logf("results in argument order: %q", got)
	})
}

func TestTwoTasksInterleaveAtEachAwait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var trace []string
		worker := func(name string, pause time.Duration) func(*Coro) (int, error) {
			return func(co *Coro) (int, error) {
				for i := range 3 {
					trace = append(trace, fmt.Sprintf("%s%d", name, i))
					if err := co.Sleep(pause); err != nil {
						return 0, err
					}
				}
				return 3, nil
			}
		}
		_, err := runQuiet(t, func(co *Coro) ([]int, error) {
			// a runs at 0, 2, 4 s and b at 0, 3, 6 s; at 0 s creation
			// order decides. Each record is one step between two awaits.
			return Gather(co,
				CreateTask(co, "a", worker("a", 2*time.Second)),
				CreateTask(co, "b", worker("b", 3*time.Second)))
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"a0", "b0", "a1", "b1", "a2", "b2"}, trace)
		t.Logf("steps in order: %v", trace)
	})
}

func TestTwoTasksTakeTurnsWhenTheyYield(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var trace []string
		worker := func(name string) func(*Coro) (int, error) {
			return func(co *Coro) (int, error) {
				for i := range 3 {
					trace = append(trace, fmt.Sprintf("%s%d", name, i))
					// Sleep(0) is a bare await: it lets every other ready
					// task take one step before this one continues.
					if err := co.Sleep(0); err != nil {
						return 0, err
					}
				}
				return 3, nil
			}
		}
		start := time.Now()
		_, err := runQuiet(t, func(co *Coro) ([]int, error) {
			return Gather(co, CreateTask(co, "a", worker("a")), CreateTask(co, "b", worker("b")))
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"a0", "b0", "a1", "b1", "a2", "b2"}, trace)
		assert.Equal(t, time.Duration(0), time.Since(start), "yielding takes no time")
		t.Logf("tasks that yield take turns: %v, in %v", trace, time.Since(start))
	})
}
