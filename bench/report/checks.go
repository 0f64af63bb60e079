package report

import (
	"fmt"
	"strings"
)

// Outcome is what fresh numbers say about one committed verdict.
type Outcome int

const (
	NoData      Outcome = iota // the benchmarks behind the check did not run
	CannotShow                 // this machine cannot show the effect (one core, say)
	Confirmed                  // the numbers agree with the committed verdict
	Contradicts                // the numbers disagree: the verdict needs a look
)

func (o Outcome) String() string {
	return [...]string{"no data", "cannot show here", "confirmed", "CONTRADICTS"}[o]
}

// CheckResult is one claim check's outcome with the figures behind it.
type CheckResult struct {
	ID, Expect string
	Outcome    Outcome
	Detail     string
}

// check tests the numbers behind one verdict that rests on a ratio.
type check struct {
	id     string
	expect string // the committed verdict's reading of the numbers
	eval   func(d *Data, cores int) (Outcome, string)
}

// The cross-model benchmarks of package bench that the checks read.
const (
	cpuBound  = "BenchmarkCPUBound"
	start     = "BenchmarkStart"
	roundTrip = "BenchmarkRoundTrip"
	memory    = "BenchmarkMemoryPerWaiter"
	ioBound   = "BenchmarkIOBound"
)

// minSpeedup is the least gain at two cores that counts as parallel: well
// above what noise or a GIL-like lock could give, below the ideal 2x.
const minSpeedup = 1.5

var checks = []check{
	{"T2", "CPU-bound goroutines speed up with GOMAXPROCS: Go has no interpreter lock",
		func(d *Data, cores int) (Outcome, string) {
			return speedupAt(d, cpuBound+"/goroutines", cores)
		}},
	{"F8", "the speedup stops growing at the machine's core count",
		func(d *Data, cores int) (Outcome, string) {
			at, okAt := d.Median(Key{"bench", cpuBound + "/goroutines", cores}, "speedup")
			above, okAbove := d.Median(Key{"bench", cpuBound + "/goroutines", 2 * cores}, "speedup")
			if !okAt || !okAbove {
				return NoData, fmt.Sprintf("needs -cpu %d,%d", cores, 2*cores)
			}
			detail := fmt.Sprintf("%.2fx at GOMAXPROCS=%d, %.2fx at %d", at, cores, above, 2*cores)
			if above < at*1.2 {
				return Confirmed, detail
			}
			return Contradicts, detail
		}},
	{"M2", "a process pool also speeds CPU work up, but no more than goroutines do",
		func(d *Data, cores int) (Outcome, string) {
			o, detail := speedupAt(d, cpuBound+"/processPool", cores)
			if o != Confirmed {
				return o, detail
			}
			g, ok := d.Median(Key{"bench", cpuBound + "/goroutines", cores}, "speedup")
			p, _ := d.Median(Key{"bench", cpuBound + "/processPool", cores}, "speedup")
			if !ok {
				return NoData, "no goroutines series"
			}
			detail = fmt.Sprintf("process pool %.2fx, goroutines %.2fx at GOMAXPROCS=%d", p, g, cores)
			if p <= g*1.05 {
				return Confirmed, detail
			}
			return Contradicts, detail
		}},
	{"T7", "a goroutine starts faster than an OS thread, which starts faster than a process",
		func(d *Data, _ int) (Outcome, string) {
			return ordered(d, start, "sec/op", "goroutine", "osThread", "process")
		}},
	{"F7", "a channel round trip is cheaper than one between locked OS threads or processes",
		func(d *Data, _ int) (Outcome, string) {
			o, detail := ordered(d, roundTrip, "sec/op", "channel", "lockedOSThreads")
			if o != Confirmed {
				return o, detail
			}
			o2, detail2 := ordered(d, roundTrip, "sec/op", "channel", "pipe")
			return o2, detail + "; " + detail2
		}},
	{"D2", "a goroutine waits in less memory than an OS thread or a process",
		func(d *Data, _ int) (Outcome, string) {
			return ordered(d, memory, "bytes/task", "goroutine", "osThread", "process")
		}},
	{"H4", "no hybrid beats plain goroutines on mixed work: they are within 5% of the best on every mix",
		goroutinesBestOnMixed},
	{"T3", "waiting tasks overlap: goroutines finish I/O-bound work many times faster than serial",
		func(d *Data, _ int) (Outcome, string) {
			s, _, ok1 := d.MedianAtMost("bench", ioBound+"/serial", 1, "tasks/s")
			g, _, ok2 := d.MedianAtMost("bench", ioBound+"/goroutines", 1, "tasks/s")
			if !ok1 || !ok2 {
				return NoData, "needs " + ioBound + " at GOMAXPROCS=1"
			}
			detail := fmt.Sprintf("goroutines/serial = %.1fx the tasks/s at GOMAXPROCS=1", g/s)
			if g/s >= 10 {
				return Confirmed, detail
			}
			return Contradicts, detail
		}},
}

// goroutinesBestOnMixed checks H4's verdict: on every mix, plain goroutines
// measure within 5% of the best architecture at the machine's core count.
func goroutinesBestOnMixed(d *Data, cores int) (Outcome, string) {
	var detail []string
	outcome := Confirmed
	for _, mix := range []string{"mostlyIO", "balanced", "mostlyCPU"} {
		prefix := mixed + "/" + mix + "/"
		best, bestName := 0.0, ""
		var g float64
		found := false
		for _, k := range d.Keys() {
			arch, ok := strings.CutPrefix(k.Name, prefix)
			if k.Pkg != "hybrid" || !ok || k.Procs != cores {
				continue
			}
			v, ok := d.Median(k, "speedup")
			if !ok {
				continue
			}
			if arch == "goroutines" {
				g, found = v, true
			}
			if v > best {
				best, bestName = v, arch
			}
		}
		if !found {
			return NoData, fmt.Sprintf("needs %s at GOMAXPROCS=%d", prefix+"goroutines", cores)
		}
		detail = append(detail, fmt.Sprintf("%s: goroutines %.2fx, best %s %.2fx", mix, g, bestName, best))
		if g < best*0.95 {
			outcome = Contradicts
		}
	}
	return outcome, strings.Join(detail, "; ")
}

func speedupAt(d *Data, name string, cores int) (Outcome, string) {
	if cores < 2 {
		return CannotShow, fmt.Sprintf("this machine has %d core", cores)
	}
	v, ok := d.Median(Key{"bench", name, 2}, "speedup")
	if !ok {
		return NoData, "needs " + name + " at GOMAXPROCS=2"
	}
	detail := fmt.Sprintf("%s: %.2fx at GOMAXPROCS=2", name, v)
	if v >= minSpeedup {
		return Confirmed, detail
	}
	return Contradicts, detail
}

// ordered checks that the sub-benchmarks' medians rise in the given order,
// each taken at GOMAXPROCS=1 where there, else at the lowest available.
func ordered(d *Data, bench, unit string, subs ...string) (Outcome, string) {
	var vals []float64
	detail := ""
	for i, s := range subs {
		procs := d.Procs("bench", bench+"/"+s)
		if len(procs) == 0 {
			return NoData, "needs " + bench + "/" + s
		}
		v, _ := d.Median(Key{"bench", bench + "/" + s, procs[0]}, unit)
		vals = append(vals, v)
		if i > 0 {
			detail += " < "
		}
		detail += s + " " + Human(v, unit)
	}
	for i := 1; i < len(vals); i++ {
		if vals[i] <= vals[i-1] {
			return Contradicts, detail
		}
	}
	return Confirmed, detail
}

// Check runs every claim check against d.
func Check(d *Data, cores int) []CheckResult {
	var out []CheckResult
	for _, c := range checks {
		o, detail := c.eval(d, cores)
		out = append(out, CheckResult{ID: c.id, Expect: c.expect, Outcome: o, Detail: detail})
	}
	return out
}

// Human prints a value in the unit a reader expects.
func Human(v float64, unit string) string {
	switch unit {
	case "sec/op":
		switch {
		case v < 1e-6:
			return fmt.Sprintf("%.0f ns", v*1e9)
		case v < 1e-3:
			return fmt.Sprintf("%.1f µs", v*1e6)
		case v < 1:
			return fmt.Sprintf("%.2f ms", v*1e3)
		}
		return fmt.Sprintf("%.2f s", v)
	case "bytes/task", "B/op", "bytes/worker":
		if v >= 1<<20 {
			return fmt.Sprintf("%.1f MiB", v/(1<<20))
		}
		if v >= 1<<10 {
			return fmt.Sprintf("%.1f KiB", v/(1<<10))
		}
		return fmt.Sprintf("%.0f B", v)
	case "speedup":
		return fmt.Sprintf("%.2fx", v)
	case "tasks/s", "items/s":
		switch {
		case v >= 1e6:
			return fmt.Sprintf("%.2fM %s", v/1e6, unit)
		case v >= 1e3:
			return fmt.Sprintf("%.1fk %s", v/1e3, unit)
		}
		return fmt.Sprintf("%.0f %s", v, unit)
	}
	return fmt.Sprintf("%.3g %s", v, unit)
}
