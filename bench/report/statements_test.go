package report

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runOf builds a run from series name -> samples of "speedup", under pkg
// bench at GOMAXPROCS=2, on a two-core machine.
func runOf(t *testing.T, series map[string][]float64) *Run {
	t.Helper()
	var b strings.Builder
	b.WriteString("atlas-cores: 2\npkg: x/bench\n")
	for name, xs := range series {
		for _, x := range xs {
			fmt.Fprintf(&b, "Benchmark%s-2 1 1 ns/op %s speedup\n", name, strconv.FormatFloat(x, 'g', -1, 64))
		}
	}
	run, err := Parse(strings.NewReader(b.String()), "t.txt")
	require.NoError(t, err)
	return run
}

func TestStatementsAreJudgedOnTheirIntervals(t *testing.T) {
	run := runOf(t, map[string][]float64{
		"A": scaled(noisy, 2),
		"B": noisy,
		"C": scaled(noisy, 1.02),
	})
	a, b, c := bench("BenchmarkA", "speedup", 2), bench("BenchmarkB", "speedup", 2), bench("BenchmarkC", "speedup", 2)
	cases := []struct {
		name string
		eval statement
		want Outcome
	}{
		{"twice is at least 1.5 times", atLeast(a, b, 1.5), Confirmed},
		{"twice is not at least 3 times", atLeast(a, b, 3), Contradicted},
		{"twice is not at most once", atMost(a, b, 1), Contradicted},
		{"2% apart is no difference", atLeast(c, b, 1), Inconclusive},
		{"2% apart is within a 20% margin", atMost(c, b, 1.2), Confirmed},
		{"2% apart cannot show a 1% margin", atMost(c, b, 1.01), Inconclusive},
		{"a median near 200 is at least 150", sampleAtLeast(a, 150), Confirmed},
		{"a median near 200 is not at most 150", sampleAtMost(a, 150), Contradicted},
		{"an interval round 100 does not settle 100", sampleAtLeast(b, 100), Inconclusive},
		{"every part must hold", all(atLeast(a, b, 1.5), atMost(c, b, 1.2)), Confirmed},
		{"one contradicted part is enough", all(atLeast(a, b, 1.5), atLeast(a, b, 3)), Contradicted},
		{"a missing series is no data", atLeast(bench("BenchmarkMissing", "speedup", 2), b, 1), NoData},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, detail := tc.eval(run)
			assert.Equal(t, tc.want, got, detail)
		})
	}
}
