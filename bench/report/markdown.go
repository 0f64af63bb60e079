package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Cores is the core count recorded in the run's header (1 if absent).
func (d *Data) Cores() int {
	n, err := strconv.Atoi(d.Config["atlas-cores"])
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// series names every benchmark (package-qualified, without GOMAXPROCS)
// that reported unit, in order, with the GOMAXPROCS values it ran at.
func (d *Data) series(unit string) ([]string, map[string]Key, []int) {
	seen := map[string]Key{}
	procSet := map[int]bool{}
	for _, k := range d.Keys() {
		if _, ok := d.samples[k][unit]; ok {
			seen[k.Pkg+"."+k.Name] = Key{Pkg: k.Pkg, Name: k.Name}
			procSet[k.Procs] = true
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	var procs []int
	for p := range procSet {
		procs = append(procs, p)
	}
	sort.Ints(procs)
	return names, seen, procs
}

// SpeedupTable is a Markdown table of every series that reports a speedup,
// one column per GOMAXPROCS.
func SpeedupTable(d *Data) string {
	names, keys, procs := d.series("speedup")
	if len(names) == 0 {
		return "_No benchmark in this run reports a speedup._\n"
	}
	var b strings.Builder
	b.WriteString("| benchmark |")
	for _, p := range procs {
		fmt.Fprintf(&b, " GOMAXPROCS=%d |", p)
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(procs)) + "\n")
	for _, n := range names {
		fmt.Fprintf(&b, "| `%s` |", n)
		for _, p := range procs {
			k := keys[n]
			k.Procs = p
			if v, ok := d.Median(k, "speedup"); ok {
				fmt.Fprintf(&b, " %.2fx |", v)
			} else {
				b.WriteString(" – |")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Charts draws the report's pictures, keyed by a file-name suffix.
func Charts(d *Data) map[string]string {
	charts := map[string]string{}
	if names, keys, procs := d.series("speedup"); len(names) > 0 {
		var lines []Line
		for _, n := range names {
			if keys[n].Pkg != "bench" {
				continue
			}
			l := Line{Name: strings.TrimPrefix(n, "bench."+cpuBound+"/")}
			for _, p := range procs {
				k := keys[n]
				k.Procs = p
				v, ok := d.Median(k, "speedup")
				if !ok {
					v = math.NaN()
				}
				l.Y = append(l.Y, v)
			}
			lines = append(lines, l)
		}
		ideal := Line{Name: fmt.Sprintf("ideal on %d cores", d.Cores()), Dashed: true}
		for _, p := range procs {
			ideal.Y = append(ideal.Y, float64(min(p, d.Cores())))
		}
		lines = append(lines, ideal)
		charts["speedup.svg"] = LineChart("CPU-bound work: speedup over serial", "GOMAXPROCS", "speedup (x)", procs, lines)
	}
	var bars []Bar
	for _, group := range []struct{ bench, label, unit string }{
		{start, "start+join", "sec/op"},
		{roundTrip, "round trip", "sec/op"},
	} {
		for _, k := range d.Keys() {
			sub, ok := strings.CutPrefix(k.Name, group.bench+"/")
			if k.Pkg != "bench" || !ok || k.Procs != d.lowestProcs(k) {
				continue
			}
			if v, ok := d.Median(k, group.unit); ok {
				bars = append(bars, Bar{Group: group.label, Name: sub, Value: v * 1e9, Label: Human(v, group.unit)})
			}
		}
	}
	if len(bars) > 0 {
		charts["costs.svg"] = BarChart("What one start or one round trip costs, per model", "nanoseconds", bars)
	}
	return charts
}

func (d *Data) lowestProcs(k Key) int {
	ps := d.Procs(k.Pkg, k.Name)
	if len(ps) == 0 {
		return 0
	}
	return ps[0]
}

// Markdown renders the whole report. benchstat is the text that
// `go tool benchstat` printed for the raw file; chartFiles are the chart
// file names, relative to the report.
func Markdown(stem string, d *Data, results []CheckResult, benchstat string, chartFiles []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark report: %s\n\n", stem)
	b.WriteString("Written by `go run ./bench/cmd/report`. The raw results are in ")
	fmt.Fprintf(&b, "[`%s.txt`](%s.txt); compare your own machine with:\n\n", stem, stem)
	fmt.Fprintf(&b, "```\n%s\n```\n\n", CompareCommand("testdata/bench/"+stem+".txt", "testdata/bench/<your file>.txt"))
	b.WriteString("## Machine\n\n| | |\n|---|---|\n")
	for _, k := range []string{"atlas-cpu-model", "atlas-cores", "atlas-cgroup-cpu", "atlas-gomaxprocs", "atlas-go", "atlas-os", "atlas-date", "atlas-run"} {
		if v, ok := d.Config[k]; ok {
			fmt.Fprintf(&b, "| %s | %s |\n", strings.TrimPrefix(k, "atlas-"), v)
		}
	}
	b.WriteString(ChecksMarkdown(results))
	b.WriteString("\n## Speedup over serial\n\n")
	b.WriteString(SpeedupTable(d))
	for _, f := range chartFiles {
		fmt.Fprintf(&b, "\n![%s](%s)\n", strings.TrimSuffix(f[strings.LastIndexByte(f, '-')+1:], ".svg"), f)
	}
	b.WriteString("\n## benchstat\n\nMedians with their 95% confidence interval over the repeated runs.\n\n```\n")
	b.WriteString(strings.TrimRight(benchstat, "\n"))
	b.WriteString("\n```\n")
	return b.String()
}
