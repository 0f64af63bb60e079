package schedtrace

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }

// record captures a scenario during the test and parses its trace.
func record(t *testing.T, sc Scenario) *Timeline {
	t.Helper()
	tl, err := Record(sc)
	require.NoError(t, err)
	require.NotEmpty(t, tl.Spans, "the trace shows none of the scenario's goroutines")
	return tl
}

// labels lists the labels of a timeline's goroutines.
func labels(tl *Timeline) []string {
	var out []string
	for _, g := range tl.Goroutines {
		out = append(out, g.Label)
	}
	return out
}
