package schedtrace

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRejectsWhatIsNotATrace(t *testing.T) {
	for name, input := range map[string]string{
		"empty":          "",
		"text":           "this is not an execution trace",
		"truncated head": "go 1.26 trace\x00\x00",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(input))
			assert.Error(t, err)
		})
	}
}

func TestParseRejectsATruncatedTrace(t *testing.T) {
	raw, err := Capture(TaskLifecycle())
	require.NoError(t, err)
	_, err = Parse(bytes.NewReader(raw[:len(raw)/2]))
	assert.Error(t, err)
}

func TestCaptureRejectsABadScenario(t *testing.T) {
	tests := []struct {
		name string
		sc   Scenario
		want string
	}{
		{"no name", Scenario{Procs: 1, Run: func(*Stage) {}}, "no name"},
		{"no work", Scenario{Name: "x", Procs: 1}, "no Run function"},
		{"no procs", Scenario{Name: "x", Run: func(*Stage) {}}, "Procs >= 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Capture(tt.sc)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Panics(t, func() { Register(tt.sc) })
		})
	}
}

func TestRegisterRejectsAReusedName(t *testing.T) {
	assert.PanicsWithValue(t, "schedtrace: scenario f3-states registered twice", func() { Register(TaskLifecycle()) })
}

func TestLookup(t *testing.T) {
	sc, err := Lookup("f3-states")
	require.NoError(t, err)
	assert.Equal(t, "F3", sc.Claim)
	_, err = Lookup("f99")
	assert.EqualError(t, err, `schedtrace: no scenario named "f99"`)
}

func TestCaptureRestoresGOMAXPROCS(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	_, err := Capture(TaskLifecycle())
	require.NoError(t, err)
	assert.Equal(t, before, runtime.GOMAXPROCS(0))
}

// A scenario that panics leaves the tracer stopped, so the next capture
// works.
func TestCaptureSurvivesAPanickingScenario(t *testing.T) {
	bad := Scenario{Name: "panics", Procs: 1, Run: func(*Stage) { panic("boom") }}
	assert.PanicsWithValue(t, "boom", func() { _, _ = Capture(bad) })
	_, err := Capture(TaskLifecycle())
	assert.NoError(t, err)
}

func TestDrawRejectsAnEmptyTimeline(t *testing.T) {
	sc := TaskLifecycle()
	for name, tl := range map[string]*Timeline{
		"nil":         nil,
		"no time":     {Procs: []int64{0}},
		"backwards":   {Procs: []int64{0}, Begin: time.Second},
		"no P at all": {End: time.Second},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Error(t, Draw(io.Discard, sc, tl))
		})
	}
}
