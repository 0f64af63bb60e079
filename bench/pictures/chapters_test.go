package pictures

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/internal/schedtrace"
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
}

func TestPicturesAreWellFormed(t *testing.T) {
	for _, sc := range []schedtrace.Scenario{ManyTasksOnOneLoop(), LoopStalledByAHog()} {
		t.Run(sc.Name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, schedtrace.Draw(&buf, sc, record(t, sc)))
			dec := xml.NewDecoder(&buf)
			procLanes := 0
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err)
				if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "g" {
					for _, a := range el.Attr {
						if a.Name.Local == "class" && strings.HasPrefix(a.Value, "lane proc") {
							procLanes++
						}
					}
				}
			}
			assert.Equal(t, sc.Procs, procLanes)
		})
	}
}

func TestPoolParentWaitsWhileWorkersCompute(t *testing.T) {
	tl := record(t, PoolParentWaits())
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
}
