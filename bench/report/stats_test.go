package report

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
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
