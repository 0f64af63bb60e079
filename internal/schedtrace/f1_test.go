package schedtrace

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func workerLabels() []string {
	var out []string
	for i := 1; i <= CPUWorkers; i++ {
		out = append(out, fmt.Sprintf("worker %d", i))
	}
	return out
}

// With one P the workers are concurrent, not parallel: they take turns,
// and never two run at the same instant.
func TestSingleProcNeverRunsTwoAtOnce(t *testing.T) {
	tl := record(t, CPUBoundWorkers(1))

	assert.ElementsMatch(t, workerLabels(), labels(tl), "only the scenario's goroutines are kept")
	assert.Len(t, tl.Procs, 1)
	assert.Equal(t, 1, MaxConcurrentRunning(tl.Spans))
	// Taking turns: workers were preempted in the middle of their work
	// (inside workload.Spin) so that others could run.
	interrupted := 0
	for _, w := range workerLabels() {
		interrupted += tl.StoppedIn(w, "preempted", "workload.Spin")
	}
	t.Logf("one P: at most %d worker running at once; %d preemptions inside workload.Spin",
		MaxConcurrentRunning(tl.Spans), interrupted)
	assert.Positive(t, interrupted, "the workers did not take turns")
}

// With two Ps two workers run at the same instant. Each worker computes
// for tens of milliseconds, so even on a busy machine both Ps hold a
// running worker for a while; the test asks for the shape, not a time.
func TestTwoProcsRunInParallel(t *testing.T) {
	tl := record(t, CPUBoundWorkers(2))

	assert.ElementsMatch(t, workerLabels(), labels(tl))
	require.Len(t, tl.Procs, 2)
	assert.Equal(t, 2, MaxConcurrentRunning(tl.Spans))
	threads := map[int64]bool{}
	for _, sp := range tl.Spans {
		if sp.State == Running {
			threads[sp.Thread] = true
		}
	}
	t.Logf("two Ps: at most %d workers running at once, on %d OS threads", MaxConcurrentRunning(tl.Spans), len(threads))
	assert.GreaterOrEqual(t, len(threads), 2, "two Ps running at once need two OS threads")
	for _, p := range tl.Procs {
		ran := false
		for _, sp := range tl.Spans {
			ran = ran || (sp.State == Running && sp.P == p)
		}
		assert.True(t, ran, "no worker ran on P%d", p)
	}
}
