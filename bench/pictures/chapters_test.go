package pictures

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/internal/schedtrace"
	"github.com/concurrency-atlas/atlas/internal/schedtrace/svgtest"
)

func TestMain(m *testing.M) { scene.Main(m) }

func record(t *testing.T, sc schedtrace.Scenario) *schedtrace.Timeline {
	t.Helper()
	tl, err := schedtrace.Record(sc)
	require.NoError(t, err)
	require.NotEmpty(t, tl.Spans)
	return tl
}

// threadsOf lists the OS threads on which spans ran.
func threadsOf(spans []schedtrace.Span) map[int64]bool {
	out := map[int64]bool{}
	for _, sp := range spans {
		if sp.State == schedtrace.Running {
			out[sp.Thread] = true
		}
	}
	return out
}

// A1: with two Ps free, the loop's tasks still run one at a time, all on
// one OS thread, taking turns.
func TestEventLoopRunsOneTaskAtATime(t *testing.T) {
	tl := record(t, ManyTasksOnOneLoop())

	var tasks []schedtrace.Span
	for i := 1; i <= LoopTasks; i++ {
		lane := tl.Lane(fmt.Sprintf("task %d", i))
		require.NotEmpty(t, lane, "task %d is not in the trace", i)
		tasks = append(tasks, lane...)
	}
	require.Len(t, tl.Procs, 2)
	assert.Equal(t, 1, MaxRunning(tl), "the loop and its tasks ran in parallel")
	assert.Len(t, threadsOf(tl.Spans), 1, "the tasks ran on more than one OS thread")
	assert.Greater(t, schedtrace.Switches(tasks), LoopTasks-1, "the tasks did not take turns")
	t.Logf("A1: %d tasks, at most %d running at once, OS threads used: %d; %d switches between tasks",
		LoopTasks, MaxRunning(tl), len(threadsOf(tl.Spans)), schedtrace.Switches(tasks))
}

// MaxRunning is the parallelism of a timeline's labelled goroutines.
func MaxRunning(tl *schedtrace.Timeline) int { return schedtrace.MaxConcurrentRunning(tl.Spans) }

// A7: while the hog computes, no other task runs, though their sleeps
// have long ended and a second P is free.
func TestStalledLoopRunsNothingElse(t *testing.T) {
	tl := record(t, LoopStalledByAHog())

	var longest schedtrace.Span
	for _, sp := range tl.Lane("hog") {
		if sp.State == schedtrace.Running && sp.End-sp.Start > longest.End-longest.Start {
			longest = sp
		}
	}
	require.Positive(t, longest.End-longest.Start, "the hog never ran")
	for _, sp := range tl.Spans {
		if sp.Label == "hog" || sp.State != schedtrace.Running {
			continue
		}
		overlaps := sp.Start < longest.End && longest.Start < sp.End
		assert.False(t, overlaps, "%s ran while the hog computed", sp.Label)
	}
	// Every polite task was still unfinished when the hog began, so each
	// was kept waiting by it.
	for i := 1; i <= LoopTasks; i++ {
		steps := tl.Steps(fmt.Sprintf("task %d", i))
		require.NotEmpty(t, steps)
		assert.Greater(t, steps[len(steps)-1].At, longest.End, "task %d ended before the hog", i)
	}
	assert.Len(t, threadsOf(tl.Spans), 1)
	t.Logf("A7: while the hog computed (one stretch of %s), no other task ran; every task finished after it",
		longest.End-longest.Start)
}

// Each picture, drawn from a trace captured now, keeps the rules that
// svgtest checks (a legend naming exactly what is drawn, no slice under
// the minimum width) and has one lane per P.
func TestPicturesKeepTheRules(t *testing.T) {
	for _, sc := range []schedtrace.Scenario{ManyTasksOnOneLoop(), LoopStalledByAHog(), PoolParentWaits()} {
		t.Run(sc.Name, func(t *testing.T) {
			p := picture(t, sc, record(t, sc))
			assert.NoError(t, p.Check(schedtrace.MinSliceWidth))
			procs := 0
			for _, l := range p.Lanes {
				if l.Kind == "proc" {
					procs++
				}
			}
			assert.Equal(t, sc.Procs, procs)
		})
	}
}

// picture draws tl as sc's picture and reads it back.
func picture(t *testing.T, sc schedtrace.Scenario, tl *schedtrace.Timeline) *svgtest.Picture {
	t.Helper()
	p, err := svgtest.Draw(sc, tl)
	require.NoError(t, err)
	return p
}

// M2: the parent computes nothing. Its caller waits for the answers, and
// each worker's reader waits on that worker's pipe, which the trace
// reports as a netpoller wait ("network") and the picture, reading the
// stack, as a pipe wait.
func TestPoolParentWaitsWhileWorkersCompute(t *testing.T) {
	sc := PoolParentWaits()
	tl := record(t, sc)
	for _, sp := range tl.Spans {
		for _, fn := range sp.Stack {
			assert.NotContains(t, fn, "workload.Fib", "the parent computed: %+v", sp)
		}
	}
	waited := false
	for _, step := range tl.Steps("caller") {
		waited = waited || step.State == schedtrace.Waiting
	}
	assert.True(t, waited, "the caller never waited for the workers")

	p := picture(t, sc, tl)
	assert.Contains(t, p.Keys("goroutine"), schedtrace.KeyPipeWait)
	for _, reader := range []string{"reader 1", "reader 2"} {
		lane := p.Lane("goroutine", reader)
		require.NotNil(t, lane, "no lane for %s", reader)
		assert.Contains(t, lane.Drawn(), schedtrace.KeyPipeWait, "%s never waited on its pipe", reader)
		piped := 0
		for _, sp := range tl.Lane(reader) {
			if sp.Reason == "network" && sp.Blocked() == schedtrace.PipeRead {
				piped++
			}
		}
		t.Logf("%s: waited %d times on its worker's pipe (the trace says \"network\"; the stack, a pipe read)", reader, piped)
		assert.Positive(t, piped, "%s: no netpoller wait read as a pipe read", reader)
	}
	for _, other := range []string{"forker", "feeder 1", "feeder 2"} {
		assert.NotNil(t, p.Lane("goroutine", other), "no lane for %s", other)
	}
}
