// Questions the tests ask of a timeline: how many goroutines ran at the
// same instant (parallelism), how often the running goroutine changed
// (taking turns), and which states a goroutine went through, in order.

package schedtrace

import (
	"sort"
	"strings"
)

// MaxConcurrentRunning returns the largest number of spans' goroutines
// that were running at the same instant. Pass a timeline's Spans to ask
// about the scenario's own goroutines only.
func MaxConcurrentRunning(spans []Span) int {
	type edge struct {
		at    int64
		delta int
	}
	var edges []edge
	for _, sp := range spans {
		if sp.State == Running && sp.End > sp.Start {
			edges = append(edges, edge{int64(sp.Start), +1}, edge{int64(sp.End), -1})
		}
	}
	// At equal times, an end comes before a start: a goroutine handing
	// its P to another is not two running at once.
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].at != edges[j].at {
			return edges[i].at < edges[j].at
		}
		return edges[i].delta < edges[j].delta
	})
	running, most := 0, 0
	for _, e := range edges {
		running += e.delta
		most = max(most, running)
	}
	return most
}

// Switches counts how often the running goroutine changed from one of
// spans' goroutines to a different one, taking running spans in order of
// start. Goroutines that each run to completion give len(goroutines)-1;
// more means they took turns.
func Switches(spans []Span) int {
	var run []Span
	for _, sp := range spans {
		if sp.State == Running {
			run = append(run, sp)
		}
	}
	sort.SliceStable(run, func(i, j int) bool { return run[i].Start < run[j].Start })
	n := 0
	for i := 1; i < len(run); i++ {
		if run[i].G != run[i-1].G {
			n++
		}
	}
	return n
}

// Steps returns the states the goroutine labelled label entered, in
// order, or nil if no goroutine has that label.
func (tl *Timeline) Steps(label string) []Step {
	for _, g := range tl.Goroutines {
		if g.Label == label {
			return append([]Step(nil), tl.steps[g.ID]...)
		}
	}
	return nil
}

// Stops counts why the goroutine labelled label stopped running each
// time: the state it went to next, with its reason, such as
// "runnable(preempted)", "runnable(runtime.Gosched)", "waiting(sleep)" or
// "terminated".
func (tl *Timeline) Stops(label string) map[string]int {
	steps := tl.Steps(label)
	out := map[string]int{}
	for i := 1; i < len(steps); i++ {
		if steps[i-1].State == Running {
			out[steps[i].String()]++
		}
	}
	return out
}

// WithoutPreemptions tells a goroutine's story as the textbook does: a
// stretch of running that the scheduler interrupted (preempted, made
// runnable, run again) counts as one stretch, and repeated states are
// merged. Blocking for a reason of its own (sleep, channel) is kept.
func WithoutPreemptions(steps []Step) []Step {
	var out []Step
	for _, s := range steps {
		if s.State == Running {
			j := len(out)
			for j > 0 && isPause(out[j-1]) {
				j--
			}
			if j > 0 && out[j-1].State == Running {
				out = out[:j]
				continue
			}
		}
		if n := len(out); n > 0 && out[n-1].State == s.State && out[n-1].Reason == s.Reason {
			continue
		}
		out = append(out, s)
	}
	return out
}

// isPause is a step the scheduler imposes rather than the goroutine
// asking for it.
func isPause(s Step) bool {
	return s.State == Runnable || (s.State == Waiting && s.Reason == "preempted")
}

// StoppedIn counts the times the goroutine labelled label was stopped
// while running, for the reason given (such as "preempted"), with the
// function fn on its stack. fn is matched as a suffix of the full name,
// so "workload.Spin" finds github.com/.../internal/workload.Spin. It tells
// a stop in the middle of the work from one at a function call after it.
func (tl *Timeline) StoppedIn(label, reason, fn string) int {
	n := 0
	for _, sp := range tl.Lane(label) {
		if sp.Reason != reason {
			continue
		}
		for _, f := range sp.Stack {
			if strings.HasSuffix(f, fn) {
				n++
				break
			}
		}
	}
	return n
}

// Lane returns the spans of the goroutine labelled label.
func (tl *Timeline) Lane(label string) []Span {
	var out []Span
	for _, sp := range tl.Spans {
		if sp.Label == label {
			out = append(out, sp)
		}
	}
	return out
}
