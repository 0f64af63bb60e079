// The kinds of statement a check makes about a run's numbers, and how
// each is judged. A statement compares one series with another ("a is at
// least k times b", "a is within lo to hi times b") or holds one series to
// a bound ("a is at least k"), always through a confidence interval
// (stats.go): confirmed when the whole interval agrees, contradicted when
// the whole interval disagrees, and inconclusive when the noise is wider
// than the difference. A statement of the form "no better than" or
// "within x% of" carries its margin in the factor it names.

package report

import (
	"fmt"
	"math"
	"strings"
)

// statement judges a run: its outcome, and the figures behind it.
type statement func(run *Run) (Outcome, string)

// atCores stands for the machine's core count in a series.
const atCores = 0

// series names one benchmark's samples in one unit at one GOMAXPROCS.
type series struct {
	pkg, name string
	procs     int // atCores for the machine's core count
	unit      string
}

func (s series) label() string {
	name := s.name
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	// A benchstat key reads as its value: "model=goroutines" as goroutines.
	if _, v, ok := strings.Cut(name, "="); ok {
		name = v
	}
	if s.pkg == PythonPkg {
		name = "CPython " + name
	}
	return fmt.Sprintf("%s@%d", name, s.procs)
}

// resolve fixes a series' GOMAXPROCS for run and returns its samples, or
// NoData and what is missing.
func (s series) resolve(run *Run) (series, []float64, Outcome, string) {
	if s.procs == atCores {
		s.procs = run.Cores()
	}
	from := run
	if s.pkg == PythonPkg {
		if from = run.Python; from == nil {
			return s, nil, NoData, "needs CPython's results beside the run"
		}
	}
	xs := from.Samples(Key{s.pkg, s.name, s.procs}, s.unit)
	if len(xs) == 0 {
		return s, nil, NoData, fmt.Sprintf("needs %s.%s at GOMAXPROCS=%d (%s)", s.pkg, s.name, s.procs, s.unit)
	}
	return s, xs, Confirmed, ""
}

// needsCores is a statement that only a machine with at least two cores
// can make, since it is about running in parallel.
func needsCores(eval statement) statement {
	return func(run *Run) (Outcome, string) {
		if run.Cores() < 2 {
			return CannotShow, fmt.Sprintf("this machine has %d core", run.Cores())
		}
		return eval(run)
	}
}

// withTheLock is a statement about CPython's interpreter lock, which a
// run can show only when CPython was measured beside Go, with its lock
// on. Without CPython's results it is no failure, as a machine with one
// core is not: this run cannot show it.
func withTheLock(eval statement) statement {
	return func(run *Run) (Outcome, string) {
		switch {
		case run.Python == nil:
			return CannotShow, "CPython was not measured beside this run: " + run.WhyNoPython()
		case strings.Contains(run.Python.Config["python"], "GIL off"):
			return CannotShow, "this CPython runs without its interpreter lock: " + run.Python.Config["python"]
		}
		return eval(run)
	}
}

// atLeast: a is at least k times b. For k = 1 this is "a is larger".
func atLeast(a, b series, k float64) statement {
	return compare(a, b, k, true)
}

// atMost: a is at most k times b. For k = 1 this is "a is smaller"; for
// k > 1 it is "a is no more than (k-1)·100% above b", a margin.
func atMost(a, b series, k float64) statement {
	return compare(a, b, k, false)
}

// ratioOf reads two series from run and compares them: the ratio, and the
// start of a detail line naming both medians. ok is false, with the
// reason, when either series is missing.
func ratioOf(run *Run, a, b series) (r Ratio, detail string, ok bool) {
	a, xa, o, why := a.resolve(run)
	if o == NoData {
		return Ratio{}, why, false
	}
	b, xb, o, why := b.resolve(run)
	if o == NoData {
		return Ratio{}, why, false
	}
	r = ratio(xa, xb)
	detail = fmt.Sprintf("%s %s, %s %s: ratio %s",
		a.label(), Human(median(sorted(xa)), a.unit), b.label(), Human(median(sorted(xb)), b.unit), r)
	return r, detail, true
}

func compare(a, b series, k float64, atLeast bool) statement {
	return func(run *Run) (Outcome, string) {
		r, detail, ok := ratioOf(run, a, b)
		if !ok {
			return NoData, detail
		}
		detail += fmt.Sprintf(" (wanted %s %s)", relation(atLeast), num(k))
		// A bound of 1 asks for a difference, which the U test must see too.
		significant := k != 1 || r.P < 1-Confidence
		switch {
		case atLeast && r.Lo >= k && significant, !atLeast && r.Hi <= k && significant:
			return Confirmed, detail
		case atLeast && r.Hi < k, !atLeast && r.Lo > k:
			return Contradicted, detail
		}
		return Inconclusive, detail
	}
}

// relation is the sign of a bound: ≥ for at least, ≤ for at most.
func relation(atLeast bool) string {
	if atLeast {
		return "≥"
	}
	return "≤"
}

// within: a is between lo and hi times b, an equivalence with a margin
// on each side: confirmed when the whole interval of the ratio lies inside
// the margin, contradicted when it lies wholly outside.
func within(a, b series, lo, hi float64) statement {
	return func(run *Run) (Outcome, string) {
		r, detail, ok := ratioOf(run, a, b)
		if !ok {
			return NoData, detail
		}
		detail += fmt.Sprintf(" (wanted %s to %s)", num(lo), num(hi))
		switch {
		case r.Lo >= lo && r.Hi <= hi:
			return Confirmed, detail
		case r.Hi < lo || r.Lo > hi:
			return Contradicted, detail
		}
		return Inconclusive, detail
	}
}

// sampleAtLeast and sampleAtMost hold one series' median, with its
// interval, to a bound.
func sampleAtLeast(a series, k float64) statement { return bound(a, k, true) }
func sampleAtMost(a series, k float64) statement  { return bound(a, k, false) }

func bound(a series, k float64, atLeast bool) statement {
	return func(run *Run) (Outcome, string) {
		a, xs, o, why := a.resolve(run)
		if o == NoData {
			return o, why
		}
		e := estimate(xs)
		detail := fmt.Sprintf("%s %s [%s, %s], n=%d (wanted %s %s)", a.label(),
			Human(e.Center, a.unit), Human(e.Lo, a.unit), Human(e.Hi, a.unit), e.N, relation(atLeast), Human(k, a.unit))
		switch {
		case math.IsInf(e.Lo, 0) || math.IsInf(e.Hi, 0):
			return Inconclusive, detail
		case atLeast && e.Lo >= k, !atLeast && e.Hi <= k:
			return Confirmed, detail
		case atLeast && e.Hi < k, !atLeast && e.Lo > k:
			return Contradicted, detail
		}
		return Inconclusive, detail
	}
}

// all is a statement made of several: confirmed when each part is,
// contradicted when any part is, and otherwise as unsure as its least
// certain part.
func all(parts ...statement) statement {
	return func(run *Run) (Outcome, string) {
		worst := Confirmed
		var details []string
		for _, p := range parts {
			o, detail := p(run)
			if o == NoData || o == CannotShow {
				return o, detail
			}
			worst = max(worst, o)
			details = append(details, detail)
		}
		return worst, strings.Join(details, "; ")
	}
}

// forEach makes one statement per item and joins them with all.
func forEach[T any](items []T, part func(T) statement) statement {
	var parts []statement
	for _, it := range items {
		parts = append(parts, part(it))
	}
	return all(parts...)
}
