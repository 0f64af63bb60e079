// README's decision table: for each kind of work, the model that measured
// best in the run and the others beside it, with a tie wherever the U test
// cannot tell them apart.

package report

import (
	"fmt"
	"sort"
	"strings"
)

// decisionRow is one kind of work in the decision table. The model named
// for it is whichever measured best in the run, not a fixed opinion.
type decisionRow struct {
	work   string
	pkg    string   // the package folder's last element
	bench  string   // a benchmark, compared across its models
	fixed  []string // the keys that pick the row's series, such as "work=timer"
	unit   string
	higher bool // whether a higher value is better
	atMost func(cores int) int
	floor  string // a series that is the machine's floor, not a model: shown apart
}

func allCores(c int) int { return c }
func oneCore(int) int    { return 1 }

var decisionRows = []decisionRow{
	{"CPU-bound work (4 × Fibonacci), all cores", "bench", "BenchmarkCPUBound", nil, "speedup", true, allCores, ""},
	{"Waiting on timers (64 waits of 1 ms), one core", "bench", "BenchmarkIOBound", []string{"work=timer"}, "tasks/s", true, oneCore, ""},
	{"Fast I/O (64 loopback requests answered at once), one core", "bench", "BenchmarkIOBound", []string{"work=loopbackFast"}, "tasks/s", true, oneCore, ""},
	{"Slow I/O (64 loopback requests answered after 5 ms), one core", "bench", "BenchmarkIOBound", []string{"work=loopbackSlow"}, "tasks/s", true, oneCore, ""},
	{"Mixed fetch + compute, mostly I/O, all cores", "hybrid", "BenchmarkMixed", []string{"mix=mostlyIO"}, "speedup", true, allCores, ""},
	{"Mixed fetch + compute, balanced, all cores", "hybrid", "BenchmarkMixed", []string{"mix=balanced"}, "speedup", true, allCores, ""},
	{"Mixed fetch + compute, mostly CPU, all cores", "hybrid", "BenchmarkMixed", []string{"mix=mostlyCPU"}, "speedup", true, allCores, ""},
	{"Starting and joining one unit of work", "bench", "BenchmarkStartJoin", nil, "sec/op", false, oneCore, "binTrue"},
	{"Passing one message there and back", "bench", "BenchmarkRoundTrip", nil, "sec/roundtrip", false, oneCore, ""},
	{"Memory held by one waiting unit", "bench", "BenchmarkMemoryPerWaiter", nil, "B/waiter", false, oneCore, ""},
}

// measured is one model's figure in a decision row.
type measured struct {
	sub string
	v   float64   // the median
	xs  []float64 // the samples
}

// rank measures every model of the row's benchmark in run, on at most the
// GOMAXPROCS the row asks for, best first; the floor comes apart.
func (r decisionRow) rank(run *Run) (ms []measured, floor *measured) {
	for _, va := range run.variants(r.pkg, r.bench, "model", r.fixed...) {
		v, procs, ok := run.MedianAtMost(r.pkg, va.name, r.atMost(run.Cores()), r.unit)
		if !ok {
			continue
		}
		m := measured{va.value, v, run.Samples(Key{r.pkg, va.name, procs}, r.unit)}
		if va.value == r.floor {
			floor = &m
			continue
		}
		ms = append(ms, m)
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if r.higher {
			return ms[i].v > ms[j].v
		}
		return ms[i].v < ms[j].v
	})
	return ms, floor
}

// DecisionTable is the D1 table: for each kind of work, the model that
// measured best in this run and the others beside it. Where the U test
// cannot tell a runner-up from the best at the checks' confidence, the
// row calls it a tie and gives the p-value: a median that is a few
// percent ahead is no win.
func DecisionTable(run *Run) string {
	var b strings.Builder
	b.WriteString("| work | best in Go on this machine | the others, measured in the same run |\n|---|---|---|\n")
	for _, r := range decisionRows {
		ms, floor := r.rank(run)
		if len(ms) == 0 {
			continue
		}
		best := []string{fmt.Sprintf("**%s** (%s)", ms[0].sub, Human(ms[0].v, r.unit))}
		var others []string
		for _, m := range ms[1:] {
			p := ratio(m.xs, ms[0].xs).P
			if p >= 1-Confidence {
				best = append(best, fmt.Sprintf("**%s** (%s, p=%.2f)", m.sub, Human(m.v, r.unit), p))
				continue
			}
			others = append(others, fmt.Sprintf("%s %s", m.sub, Human(m.v, r.unit)))
		}
		if floor != nil {
			others = append(others, fmt.Sprintf("(the floor, exec of a tiny C program: %s %s)", floor.sub, Human(floor.v, r.unit)))
		}
		cell := best[0]
		if len(best) > 1 {
			cell = "a tie: " + strings.Join(best, " ~ ")
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.work, cell, strings.Join(others, " · "))
	}
	return b.String()
}
