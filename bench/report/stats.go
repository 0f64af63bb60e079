// The statistics behind every measured verdict. A median alone cannot say
// that one model beats another: two runs of the same code on this kind of
// machine differ by 10-30%. So each comparison here is made the way
// benchstat makes it, with golang.org/x/perf/benchmath: a median with its
// confidence interval for one sample, and the Mann-Whitney U test between
// two. Nothing is assumed about the shape of the distributions.

package report

import (
	"fmt"
	"math"
	"slices"

	"golang.org/x/perf/benchmath"
)

// Confidence is the level of every interval the checks report, and
// 1-Confidence the alpha of every test: benchstat's defaults.
const Confidence = 0.95

var thresholds = &benchmath.Thresholds{CompareAlpha: 1 - Confidence}

// Estimate is one sample's median with its confidence interval. An
// interval that a sample this small cannot give is (-Inf, +Inf).
type Estimate struct {
	Center, Lo, Hi float64
	N              int
}

// Estimate summarises one series' samples in one unit.
func estimate(xs []float64) Estimate {
	if len(xs) == 0 {
		return Estimate{Center: math.NaN(), Lo: math.Inf(-1), Hi: math.Inf(1)}
	}
	s := benchmath.AssumeNothing.Summary(benchmath.NewSample(slices.Clone(xs), thresholds), Confidence)
	return Estimate{Center: s.Center, Lo: s.Lo, Hi: s.Hi, N: len(xs)}
}

// Ratio says how many times one sample is another: the ratio of their
// medians, the confidence interval of that ratio, and the p-value of the
// U test between the two samples.
//
// The interval is the U test turned round: it holds every factor r for
// which the test cannot tell a/r from b at the checks' alpha. Such an r
// makes the two samples look alike, so the interval is the range of
// ratios that the data do not rule out. It is the Hodges-Lehmann interval
// on a log scale, found by trying each ratio of a pair of values, which
// is where the test's answer can change. When even two samples that do
// not overlap at all would not be told apart (too few runs), the interval
// is (0, +Inf): such a run can show no difference.
type Ratio struct {
	Value, Lo, Hi float64
	P             float64
	N1, N2        int
}

// ratio compares sample a with sample b (both of positive values).
func ratio(a, b []float64) Ratio {
	r := Ratio{Value: math.NaN(), Lo: 0, Hi: math.Inf(1), P: 1, N1: len(a), N2: len(b)}
	if len(a) == 0 || len(b) == 0 {
		return r
	}
	sa := benchmath.NewSample(slices.Clone(a), thresholds)
	sb := benchmath.NewSample(slices.Clone(b), thresholds)
	r.Value = median(sa.Values) / median(sb.Values)
	r.P = benchmath.AssumeNothing.Compare(sa, sb).P
	if !canSeparate(len(a), len(b)) {
		return r
	}
	var candidates []float64
	for _, x := range sa.Values {
		for _, y := range sb.Values {
			candidates = append(candidates, x/y)
		}
	}
	slices.Sort(candidates)
	lo, hi := math.NaN(), math.NaN()
	scaled := make([]float64, len(a))
	for _, c := range candidates {
		for i, x := range sa.Values {
			scaled[i] = x / c
		}
		cmp := benchmath.AssumeNothing.Compare(benchmath.NewSample(scaled, thresholds), sb)
		if cmp.P >= cmp.Alpha {
			if math.IsNaN(lo) {
				lo = c
			}
			hi = c
		}
	}
	if !math.IsNaN(lo) {
		r.Lo, r.Hi = lo, hi
	}
	return r
}

// canSeparate says whether samples of these sizes can differ significantly
// at all: whether the U test rejects two samples with no overlap.
func canSeparate(n1, n2 int) bool {
	a, b := make([]float64, n1), make([]float64, n2)
	for i := range a {
		a[i] = float64(i)
	}
	for i := range b {
		b[i] = float64(n1 + i)
	}
	cmp := benchmath.AssumeNothing.Compare(benchmath.NewSample(a, thresholds), benchmath.NewSample(b, thresholds))
	return cmp.P < cmp.Alpha
}

// sorted is a sorted copy of xs.
func sorted(xs []float64) []float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s
}

// median is the median of values already sorted.
func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// String prints a ratio as "0.54x [0.49, 0.60], p=0.002".
func (r Ratio) String() string {
	p := fmt.Sprintf("p=%.3f", r.P)
	if r.P < 0.001 {
		p = "p<0.001"
	}
	return fmt.Sprintf("%sx [%s, %s], %s", num(r.Value), num(r.Lo), num(r.Hi), p)
}

// num prints a ratio with three significant digits, or ∞.
func num(v float64) string {
	if math.IsInf(v, 1) {
		return "∞"
	}
	if math.IsNaN(v) {
		return "?"
	}
	return fmt.Sprintf("%.3g", v)
}
