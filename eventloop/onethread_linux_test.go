// Claim A1, on Linux: every task of a loop sees the same OS thread id, and
// no two of them ever run at the same moment.
//
//	go test -run TestEveryTaskRunsOnTheLoopThread -v -cpu 1,4 ./eventloop/
//
// You will see, at one P and at four, the 1,000 steps of 50 tasks all
// counted on one OS thread, the loop's, with no two at once.

package eventloop

import (
	"runtime"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryTaskRunsOnTheLoopThread(t *testing.T) {
	const tasks, steps = 50, 20
	seen := map[int]int{} // thread id -> steps run on it
	var running, overlaps atomic.Int32
	threads, err := runQuiet(t, func(co *Coro) ([]int, error) {
		loopThread := syscall.Gettid()
		body := func(co *Coro) (int, error) {
			for range steps {
				if running.Add(1) != 1 {
					overlaps.Add(1)
				}
				seen[syscall.Gettid()]++
				// Invite the Go scheduler to run anything else: if tasks
				// were plain goroutines, another one would start here.
				runtime.Gosched()
				running.Add(-1)
				if err := co.Sleep(0); err != nil {
					return 0, err
				}
			}
			return loopThread, nil
		}
		var all []Awaitable[int]
		for range tasks {
			all = append(all, CreateTask(co, "t", body))
		}
		return Gather(co, all...)
	})
	require.NoError(t, err)
	assert.Len(t, seen, 1, "one thread for all tasks")
	assert.Equal(t, tasks*steps, seen[threads[0]], "and it is the loop's own thread")
	assert.Zero(t, overlaps.Load(), "two tasks ran at once")
	t.Logf("%d steps of %d tasks ran on %d OS thread(s), the loop's is %d; steps at once: %d",
		tasks*steps, tasks, len(seen), threads[0], 1+overlaps.Load())
}
