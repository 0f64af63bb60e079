// WithCPUAffinity: every worker, every thread of it, on one CPU of its
// own, from its first instruction; the parent untouched.
//
//	go test -run Affinity ./multiprocessing/pool/

package pool_test

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func init() {
	pool.Register("test/gomaxprocs", func([]byte) ([]byte, error) {
		return strconv.AppendInt(nil, int64(runtime.GOMAXPROCS(0)), 10), nil
	})
	pool.Register("test/cpus", func([]byte) ([]byte, error) {
		return strconv.AppendInt(nil, int64(pool.CPUs()), 10), nil
	})
}

// threadCPUs reads the CPUs each thread of process pid may use.
func threadCPUs(t *testing.T, pid int) []string {
	t.Helper()
	dir := "/proc/" + strconv.Itoa(pid) + "/task"
	tids, err := os.ReadDir(dir)
	require.NoError(t, err)
	var lists []string
	for _, tid := range tids {
		status, err := os.ReadFile(dir + "/" + tid.Name() + "/status")
		require.NoError(t, err)
		for line := range strings.Lines(string(status)) {
			if v, ok := strings.CutPrefix(line, "Cpus_allowed_list:"); ok {
				lists = append(lists, strings.TrimSpace(v))
			}
		}
	}
	return lists
}

func TestCPUAffinityPinsEveryThreadOfEachWorker(t *testing.T) {
	var before unix.CPUSet
	require.NoError(t, unix.SchedGetaffinity(0, &before))
	if before.Count() < 2 {
		t.Skip("needs two CPUs to show the workers spread out")
	}
	p := testfuncs.NewPool(t, 2, pool.WithCPUAffinity())

	var pinned []string
	for _, pid := range p.PIDs() {
		lists := threadCPUs(t, pid)
		require.NotEmpty(t, lists)
		for _, l := range lists {
			assert.Equal(t, lists[0], l, "worker %d: every thread on the same CPU", pid)
		}
		_, err := strconv.Atoi(lists[0])
		assert.NoError(t, err, "worker %d runs on one CPU, not %q", pid, lists[0])
		pinned = append(pinned, lists[0])
	}
	assert.NotEqual(t, pinned[0], pinned[1], "the two workers share no CPU")

	res, err := p.Submit(t.Context(), "test/gomaxprocs", nil).Wait()
	require.NoError(t, err)
	assert.Equal(t, "1", string(res), "a pinned worker's runtime sees one CPU")

	var after unix.CPUSet
	require.NoError(t, unix.SchedGetaffinity(0, &after))
	assert.Equal(t, before, after, "the parent is not pinned")
	for _, l := range threadCPUs(t, os.Getpid()) {
		assert.NotContains(t, pinned, l, "no thread of the parent is pinned")
	}
}

func TestCPUAffinityCarriesOverToAReplacement(t *testing.T) {
	p := testfuncs.NewPool(t, 1, pool.WithCPUAffinity())
	old := p.PIDs()[0]
	cpu := threadCPUs(t, old)[0]
	_, pid := startBlockingTask(t, t.Context(), p)
	require.Equal(t, old, pid)
	proc, err := os.FindProcess(pid)
	require.NoError(t, err)
	require.NoError(t, proc.Kill())

	// The replacement answers this task, so it exists by then.
	res, err := p.Submit(t.Context(), "test/pid", nil).Wait()
	require.NoError(t, err)
	replacement := testfuncs.MustAtoi(t, string(res))
	require.NotEqual(t, old, replacement)
	for _, l := range threadCPUs(t, replacement) {
		assert.Equal(t, cpu, l, "the replacement is pinned where its predecessor was")
	}
}

// CPUs counts the CPUs in the process's affinity mask, not the machine's:
// a worker pinned to one CPU sees one, so a pool it started with CPUs
// workers would not crowd that CPU with more.
func TestCPUsCountsTheAffinityMask(t *testing.T) {
	var mask unix.CPUSet
	require.NoError(t, unix.SchedGetaffinity(0, &mask))
	assert.Equal(t, mask.Count(), pool.CPUs())

	p := testfuncs.NewPool(t, 1, pool.WithCPUAffinity())
	res, err := p.Submit(t.Context(), "test/cpus", nil).Wait()
	require.NoError(t, err)
	assert.Equal(t, "1", string(res), "a worker pinned to one CPU")
}
