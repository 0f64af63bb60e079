// Which pictures a run's report gets, and what goes in them: the speedup
// of the CPU-bound benchmarks against GOMAXPROCS, and the cost of one start
// or one round trip of each model. svg.go draws them.

package report

import (
	"fmt"
	"math"
	"strings"
)

// Charts draws the report's pictures, keyed by a file-name suffix.
func Charts(run *Run) map[string]string {
	charts := map[string]string{}
	if names, keys, procs := run.reporting("speedup"); len(names) > 0 {
		var lines []Line
		for _, n := range names {
			if keys[n].Pkg != "bench" {
				continue
			}
			l := Line{Name: strings.TrimPrefix(n, "bench."+cpuBound+"/")}
			for _, p := range procs {
				k := keys[n]
				k.Procs = p
				v, ok := run.Median(k, "speedup")
				if !ok {
					v = math.NaN()
				}
				l.Y = append(l.Y, v)
			}
			lines = append(lines, l)
		}
		ideal := Line{Name: fmt.Sprintf("ideal on %d cores", run.Cores()), Dashed: true}
		for _, p := range procs {
			ideal.Y = append(ideal.Y, float64(min(p, run.Cores())))
		}
		lines = append(lines, ideal)
		charts["speedup.svg"] = LineChart("CPU-bound work: speedup over serial", "GOMAXPROCS", "speedup (x)", procs, lines)
	}
	var bars []Bar
	for _, group := range []struct{ bench, label, unit string }{
		{start, "start+join", "sec/op"},
		{roundTrip, "round trip", "sec/op"},
	} {
		for _, k := range run.Keys() {
			sub, ok := strings.CutPrefix(k.Name, group.bench+"/")
			if k.Pkg != "bench" || !ok || k.Procs != run.lowestProcs(k) {
				continue
			}
			if v, ok := run.Median(k, group.unit); ok {
				bars = append(bars, Bar{Group: group.label, Name: sub, Value: v * 1e9, Label: Human(v, group.unit)})
			}
		}
	}
	if len(bars) > 0 {
		charts["costs.svg"] = BarChart("What one start or one round trip costs, per model", "nanoseconds", bars)
	}
	return charts
}
