// Which pictures a run's report gets, and what goes in them: the speedup
// of CPU-bound work against GOMAXPROCS for each model, the cost of one
// start+join and of one round trip, the mixed workload by architecture
// and mix, and the memory one waiting unit holds. Every point and bar
// carries the spread of its samples. linechart.go and barchart.go draw
// them.

package report

import (
	"fmt"
	"math"
	"slices"
)

// ChartCaptions says in words what each chart of [Charts] shows, by its
// file-name suffix, for the report's text and the images' alt text.
var ChartCaptions = map[string]string{
	"speedup.svg": "CPU-bound work: speedup over serial against GOMAXPROCS, per model",
	"costs.svg":   "What one start+join and one round trip cost, per model (log scale)",
	"mixed.svg":   "Mixed fetch + compute on all cores: speedup over serial, per architecture and mix",
	"memory.svg":  "Memory held by one waiting unit, per model (log scale)",
}

// chartOrder is the order in which the report shows the charts.
var chartOrder = []string{"speedup.svg", "costs.svg", "mixed.svg", "memory.svg"}

// Charts draws the report's pictures, keyed by a file-name suffix; a
// chart whose benchmarks the run lacks is left out.
func Charts(run *Run) map[string]string {
	charts := map[string]string{}
	if run == nil {
		return charts
	}
	if svg, ok := speedupChart(run); ok {
		charts["speedup.svg"] = svg
	}
	costs := append(lowestBars(run, "start+join", "BenchmarkStartJoin", "sec/op"),
		lowestBars(run, "round trip", "BenchmarkRoundTrip", "sec/roundtrip")...)
	if len(costs) > 0 {
		charts["costs.svg"] = BarChart(ChartCaptions["costs.svg"], "time", "sec/op", costs)
	}
	if bars := mixedBars(run); len(bars) > 0 {
		charts["mixed.svg"] = BarChart(ChartCaptions["mixed.svg"], "speedup over serial", "speedup", bars)
	}
	if bars := lowestBars(run, "", "BenchmarkMemoryPerWaiter", "B/waiter"); len(bars) > 0 {
		charts["memory.svg"] = BarChart(ChartCaptions["memory.svg"], "bytes per waiting unit", "B/waiter", bars)
	}
	return charts
}

// ChartNames lists the suffixes of charts in the order the report shows
// them.
func ChartNames(charts map[string]string) []string {
	var out []string
	for _, n := range chartOrder {
		if _, ok := charts[n]; ok {
			out = append(out, n)
		}
	}
	return out
}

func speedupChart(run *Run) (string, bool) {
	models := run.variants("bench", "BenchmarkCPUBound", "model")
	var procs []int
	for _, m := range models {
		for _, p := range run.Procs("bench", m.name) {
			if !slices.Contains(procs, p) {
				procs = append(procs, p)
			}
		}
	}
	slices.Sort(procs)
	var lines []Line
	ideal := Line{Name: fmt.Sprintf("ideal on %d cores", run.Cores()), Dashed: true}
	for _, p := range procs {
		ideal.Y = append(ideal.Y, float64(min(p, run.Cores())))
	}
	lines = append(lines, ideal)
	for _, m := range models {
		l := Line{Name: m.value}
		for _, p := range procs {
			v, lo, hi, ok := run.spread(Key{"bench", m.name, p}, "speedup")
			if !ok {
				v, lo, hi = math.NaN(), math.NaN(), math.NaN()
			}
			l.Y, l.Lo, l.Hi = append(l.Y, v), append(l.Lo, lo), append(l.Hi, hi)
		}
		lines = append(lines, l)
	}
	if len(models) == 0 {
		return "", false
	}
	return LineChart(ChartCaptions["speedup.svg"], "GOMAXPROCS", "speedup over serial (x)", procs, lines), true
}

// lowestBars is a bar for each model of a benchmark of package bench, at
// the lowest GOMAXPROCS it ran at: what one unit costs barely depends on
// it.
func lowestBars(run *Run, group, benchmark, unit string) []Bar {
	var bars []Bar
	for _, m := range run.variants("bench", benchmark, "model") {
		k := Key{"bench", m.name, 0}
		k.Procs = run.lowestProcs(k)
		if v, lo, hi, ok := run.spread(k, unit); ok {
			name := m.value
			if m.value == "binTrue" {
				name += " (the floor)"
			}
			bars = append(bars, Bar{Group: group, Name: name, Value: v, Lo: lo, Hi: hi, Label: Human(v, unit)})
		}
	}
	return bars
}

// mixedBars is a bar for each architecture of each mix, on all cores.
func mixedBars(run *Run) []Bar {
	var bars []Bar
	for _, mix := range run.keyValues("hybrid", "BenchmarkMixed", "mix") {
		for _, m := range run.variants("hybrid", "BenchmarkMixed", "model", "mix="+mix) {
			_, procs, ok := run.MedianAtMost("hybrid", m.name, run.Cores(), "speedup")
			if !ok {
				continue
			}
			v, lo, hi, _ := run.spread(Key{"hybrid", m.name, procs}, "speedup")
			bars = append(bars, Bar{Group: mix, Name: m.value, Value: v, Lo: lo, Hi: hi, Label: Human(v, "speedup")})
		}
	}
	return bars
}
