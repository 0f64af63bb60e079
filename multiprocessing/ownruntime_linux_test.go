// Claim M7: every process has its own threads and its own interpreter
// lock. In Go the nearest thing to that lock is GOMAXPROCS, and a worker
// process has a whole Go runtime of its own: its own scheduler, sized from
// its own CPU set, its own goroutines and threads, its own collector.
//
//	go test -run OwnRuntime -v ./multiprocessing/
//
// You will see a worker pinned to one CPU reports GOMAXPROCS 1 and NumCPU 1
// while the parent's runtime still sees every CPU; the worker's goroutines
// and collections are counted by the worker alone.

package multiprocessing_test

import (
	"encoding/json"
	"os"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// ownRuntime is what a worker says about the runtime it runs on.
type ownRuntime struct {
	PID, GOMAXPROCS, NumCPU, Goroutines, Threads int
	GCs                                          uint32
}

// parkedInWorker is how many goroutines the worker parks before it counts.
const parkedInWorker = 50

func init() {
	pool.Register("test/own-runtime", func([]byte) ([]byte, error) {
		release := make(chan struct{})
		parked := make(chan struct{})
		for range parkedInWorker {
			go func() { parked <- struct{}{}; <-release }()
		}
		for range parkedInWorker {
			<-parked
		}
		defer close(release)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range 3 {
			runtime.GC()
		}
		runtime.ReadMemStats(&after)
		tasks, err := os.ReadDir("/proc/self/task")
		if err != nil {
			return nil, err
		}
		return json.Marshal(ownRuntime{
			PID:        os.Getpid(),
			GOMAXPROCS: runtime.GOMAXPROCS(0),
			NumCPU:     runtime.NumCPU(),
			Goroutines: runtime.NumGoroutine(),
			Threads:    len(tasks),
			GCs:        after.NumGC - before.NumGC,
		})
	})
}

func TestEveryWorkerRunsItsOwnRuntime(t *testing.T) {
	if runtime.NumCPU() < 2 {
		t.Skip("needs two CPUs to show a worker seeing fewer than its parent")
	}
	p := testfuncs.NewPool(t, 1, pool.WithCPUAffinity())
	parentGoroutines := runtime.NumGoroutine()

	res, err := p.Submit(t.Context(), "test/own-runtime", nil).Wait()
	require.NoError(t, err)
	var w ownRuntime
	require.NoError(t, json.Unmarshal(res, &w))

	assert.NotEqual(t, os.Getpid(), w.PID, "the answer came from another process")
	assert.Equal(t, p.PIDs()[0], w.PID)
	assert.Equal(t, 1, w.GOMAXPROCS, "the worker's scheduler is sized from its own CPU set")
	assert.Equal(t, 1, w.NumCPU)
	var set unix.CPUSet
	require.NoError(t, unix.SchedGetaffinity(0, &set))
	assert.GreaterOrEqual(t, set.Count(), 2, "the parent is not pinned")
	assert.Equal(t, set.Count(), runtime.NumCPU(), "the parent's runtime sees its whole CPU set")
	assert.GreaterOrEqual(t, w.Goroutines, parkedInWorker+1, "the worker counts its own parked goroutines")
	assert.Less(t, runtime.NumGoroutine(), parentGoroutines+parkedInWorker, "none of them is the parent's")
	assert.GreaterOrEqual(t, w.Threads, 2, "the worker has threads of its own")
	assert.Equal(t, uint32(3), w.GCs, "three collections forced in the worker are the worker's alone")
}
