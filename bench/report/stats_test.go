package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func scaled(xs []float64, k float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x * k
	}
	return out
}

var noisy = []float64{100, 104, 97, 110, 92, 101, 99, 106, 95, 103}

func TestRatioOfSeparatedSamplesExcludesOne(t *testing.T) {
	r := ratio(scaled(noisy, 2), noisy)
	assert.InDelta(t, 2, r.Value, 1e-9, "ratio of the medians")
	assert.Less(t, r.P, 0.001)
	assert.Greater(t, r.Lo, 1.0)
	assert.LessOrEqual(t, r.Lo, 2.0)
	assert.GreaterOrEqual(t, r.Hi, 2.0)
	assert.Less(t, r.Hi, 2.5)
}

func TestRatioOfOneDistributionContainsOne(t *testing.T) {
	a := []float64{100, 97, 110, 101, 106}
	b := []float64{104, 92, 99, 95, 103}
	r := ratio(a, b)
	assert.Greater(t, r.P, 0.05)
	assert.Less(t, r.Lo, 1.0)
	assert.Greater(t, r.Hi, 1.0)
}

func TestRatioOfTooFewSamplesRulesNothingOut(t *testing.T) {
	// Three against three can never reach p < 0.05, however far apart.
	r := ratio([]float64{1000, 1001, 1002}, []float64{1, 2, 3})
	assert.Equal(t, 0.0, r.Lo)
	assert.True(t, math.IsInf(r.Hi, 1))
	r = ratio([]float64{5}, []float64{1})
	assert.Equal(t, 0.0, r.Lo, "one sample each")
	assert.True(t, math.IsInf(r.Hi, 1))
	assert.Equal(t, "5x [0, ∞], p=1.000", r.String())
}

func TestEstimateOfSixSamplesIsItsRange(t *testing.T) {
	e := estimate([]float64{3, 1, 2, 6, 5, 4})
	assert.Equal(t, 3.5, e.Center)
	assert.Equal(t, 1.0, e.Lo, "with six samples the 95% interval of the median is min..max")
	assert.Equal(t, 6.0, e.Hi)
	e = estimate([]float64{3, 1})
	assert.True(t, math.IsInf(e.Lo, -1), "two samples give no interval")
}

// data builds a run from series name -> samples of "speedup", under pkg
// bench at GOMAXPROCS=2, on a two-core machine.
func data(t *testing.T, series map[string][]float64) *Data {
	t.Helper()
	var b strings.Builder
	b.WriteString("atlas-cores: 2\npkg: x/bench\n")
	for name, xs := range series {
		for _, x := range xs {
			fmt.Fprintf(&b, "Benchmark%s-2 1 1 ns/op %s speedup\n", name, strconv.FormatFloat(x, 'g', -1, 64))
		}
	}
	d, err := Parse(strings.NewReader(b.String()), "t.txt")
	require.NoError(t, err)
	return d
}

func TestStatementsAreJudgedOnTheirIntervals(t *testing.T) {
	d := data(t, map[string][]float64{
		"A": scaled(noisy, 2),
		"B": noisy,
		"C": scaled(noisy, 1.02),
	})
	a, b, c := bench("BenchmarkA", "speedup", 2), bench("BenchmarkB", "speedup", 2), bench("BenchmarkC", "speedup", 2)
	cases := []struct {
		name string
		eval func(*Data) (Outcome, string)
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
			got, detail := tc.eval(d)
			assert.Equal(t, tc.want, got, detail)
		})
	}
}

func TestSmokeRunJudgesNothing(t *testing.T) {
	d := sample(t)
	for _, r := range Judge(d, false) {
		assert.Equal(t, NotJudged, r.Outcome, r.ID)
	}
	assert.True(t, d.Measured())
	quick, err := Parse(strings.NewReader("atlas-run: -count 1 -cpu 1 -benchtime 1x -bench .\npkg: x/bench\nBenchmarkX 1 1 ns/op\n"), "q.txt")
	require.NoError(t, err)
	assert.False(t, quick.Measured())
}

func TestOneCoreCannotShowParallelism(t *testing.T) {
	d, err := Parse(strings.NewReader("atlas-cores: 1\npkg: x/bench\nBenchmarkCPUBound/goroutines 1 1 ns/op 1 speedup\n"), "one.txt")
	require.NoError(t, err)
	for _, r := range Judge(d, true) {
		if r.ID == "T2" && strings.Contains(r.Says, "all cores") {
			assert.Equal(t, CannotShow, r.Outcome)
		}
	}
}
