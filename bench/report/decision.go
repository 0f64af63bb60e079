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
	pkg    string // the package folder's last element
	bench  string // a benchmark, compared across its sub-benchmarks
	unit   string
	higher bool // whether a higher value is better
	atMost func(cores int) int
}

func allCores(c int) int { return c }
func oneCore(int) int    { return 1 }

var decisionRows = []decisionRow{
	{"CPU-bound work (4 × Fibonacci), all cores", "bench", cpuBound, "speedup", true, allCores},
	{"Waiting on timers (64 waits of 1 ms), one core", "bench", ioBound + "/timer", "tasks/s", true, oneCore},
	{"Fast I/O (64 loopback requests answered at once), one core", "bench", ioBound + "/loopbackFast", "tasks/s", true, oneCore},
	{"Slow I/O (64 loopback requests answered after 5 ms), one core", "bench", ioBound + "/loopbackSlow", "tasks/s", true, oneCore},
	{"Mixed fetch + compute, mostly I/O, all cores", "hybrid", mixed + "/mostlyIO", "speedup", true, allCores},
	{"Mixed fetch + compute, balanced, all cores", "hybrid", mixed + "/balanced", "speedup", true, allCores},
	{"Mixed fetch + compute, mostly CPU, all cores", "hybrid", mixed + "/mostlyCPU", "speedup", true, allCores},
	{"Starting and joining one unit of work", "bench", start, "sec/op", false, oneCore},
	{"Passing one message there and back", "bench", roundTrip, "sec/op", false, oneCore},
	{"Memory held by one waiting unit", "bench", memory, "bytes/task", false, oneCore},
}

// measured is one sub-benchmark's figure in a decision row.
type measured struct {
	sub string
	v   float64   // the median
	xs  []float64 // the samples
}

// rank measures every sub-benchmark of the row's benchmark in run, on at
// most the GOMAXPROCS the row asks for, best first.
func (r decisionRow) rank(run *Run) []measured {
	var ms []measured
	seen := map[string]bool{}
	for _, k := range run.Keys() {
		sub, ok := strings.CutPrefix(k.Name, r.bench+"/")
		if k.Pkg != r.pkg || !ok || seen[sub] || strings.Contains(sub, "/") {
			continue
		}
		if v, procs, ok := run.MedianAtMost(r.pkg, k.Name, r.atMost(run.Cores()), r.unit); ok {
			seen[sub] = true
			ms = append(ms, measured{sub, v, run.Samples(Key{r.pkg, k.Name, procs}, r.unit)})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if r.higher {
			return ms[i].v > ms[j].v
		}
		return ms[i].v < ms[j].v
	})
	return ms
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
		ms := r.rank(run)
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
		cell := best[0]
		if len(best) > 1 {
			cell = "a tie: " + strings.Join(best, " ~ ")
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.work, cell, strings.Join(others, " · "))
	}
	return b.String()
}
