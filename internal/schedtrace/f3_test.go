package schedtrace

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The task's states, as the runtime recorded them, are the textbook's
// life cycle: new, ready, running, waiting, terminated.
func TestGoroutineStatesInOrder(t *testing.T) {
	tl := record(t, TaskLifecycle())

	want := []string{
		"new",
		"runnable",
		"running",
		"waiting(sleep)",
		"runnable",
		"running",
		"waiting(chan receive)",
		"runnable",
		"running",
		"terminated",
	}
	var got []string
	for _, s := range WithoutPreemptions(tl.Steps("task")) {
		got = append(got, s.String())
	}
	t.Logf("task: %s", strings.Join(got, " → "))
	assert.Equal(t, want, got, "raw steps: %v", tl.Steps("task"))
}

// The steps come in time order, and the spans of a goroutine tile its
// life without gaps or overlaps.
func TestStepsAndSpansAreInTimeOrder(t *testing.T) {
	tl := record(t, TaskLifecycle())

	steps := tl.Steps("task")
	for i := 1; i < len(steps); i++ {
		assert.LessOrEqual(t, steps[i-1].At, steps[i].At, "step %d before step %d", i-1, i)
	}
	lane := tl.Lane("task")
	for i := 1; i < len(lane); i++ {
		assert.Equal(t, lane[i-1].End, lane[i].Start, "gap or overlap between span %d and %d", i-1, i)
	}
	assert.Nil(t, tl.Steps("no such goroutine"))
}
