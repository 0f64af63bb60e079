// Parse turns an execution trace into spans: for every goroutine, the
// intervals it spent running (and on which P), runnable, waiting or in a
// system call. Times are durations since the first event of the trace.

package schedtrace

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"golang.org/x/exp/trace"
)

// State is where a goroutine is in its life. New and Terminated are
// instants (a goroutine is created, a goroutine exits); the others last.
type State uint8

const (
	New        State = iota // just created
	Runnable                // ready, waiting for a P
	Running                 // executing on a P
	Waiting                 // blocked: sleep, channel, lock, network...
	Syscall                 // inside a system call, holding its thread
	Terminated              // returned from its function
)

func (s State) String() string {
	switch s {
	case New:
		return "new"
	case Runnable:
		return "runnable"
	case Running:
		return "running"
	case Waiting:
		return "waiting"
	case Syscall:
		return "syscall"
	case Terminated:
		return "terminated"
	}
	return fmt.Sprintf("State(%d)", uint8(s))
}

// Span is one goroutine in one state for an interval of time.
type Span struct {
	G      int64  // goroutine ID
	Label  string // the name the scenario gave it; "" for other goroutines
	State  State
	Reason string // why it entered the state: "sleep", "chan receive", "preempted"...
	P      int64  // the P it ran on when Running, otherwise -1
	Thread int64  // the OS thread (M) it ran on when Running, otherwise -1
	Start  time.Duration
	End    time.Duration
	// Stack names the functions the goroutine was in, innermost first,
	// when it was stopped while running; empty for other spans.
	Stack []string
}

// Step is one state a goroutine entered, and when.
type Step struct {
	State  State
	Reason string
	At     time.Duration
}

func (s Step) String() string {
	if s.Reason == "" {
		return s.State.String()
	}
	return s.State.String() + "(" + s.Reason + ")"
}

// Goroutine is a goroutine the scenario labelled.
type Goroutine struct {
	ID    int64
	Label string
}

// Timeline is what a trace says about a scenario.
type Timeline struct {
	Spans      []Span        // the scenario's goroutines, every state, by start
	Others     []Span        // running spans of every other goroutine
	Procs      []int64       // the Ps that existed, ascending
	Goroutines []Goroutine   // the scenario's goroutines, in the order they started
	Begin, End time.Duration // the scenario's window within the trace
	steps      map[int64][]Step
}

// open is the state a goroutine is in since a given time.
type open struct {
	state  State
	reason string
	p, m   int64
	stack  []string
	since  trace.Time
}

// Parse reads an execution trace written by runtime/trace. The scenario's
// goroutines are those that labelled themselves through a Stage, and
// those that adopt gives a lane.
func Parse(r io.Reader, adopt ...Adopt) (*Timeline, error) {
	if err := validAdopt(adopt); err != nil {
		return nil, err
	}
	if r == nil {
		return nil, errors.New("schedtrace: no trace to read (nil reader)")
	}
	rd, err := trace.NewReader(r)
	if err != nil {
		return nil, err
	}
	var (
		origin, last trace.Time
		seen         bool
		begin, end   trace.Time
		current      = map[trace.GoID]*open{}
		all          []Span
		names        = newNaming(adopt)
		procs        = map[int64]bool{}
		steps        = map[int64][]Step{}
	)
	rel := func(t trace.Time) time.Duration { return t.Sub(origin) }
	closeSpan := func(id trace.GoID, t trace.Time) {
		o := current[id]
		if o == nil {
			return
		}
		all = append(all, Span{G: int64(id), State: o.state, Reason: o.reason, P: o.p, Thread: o.m, Stack: o.stack,
			Start: rel(o.since), End: rel(t)})
		delete(current, id)
	}

	for {
		ev, err := rd.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		t := ev.Time()
		if !seen {
			origin, begin, seen = t, t, true
		}
		last = t
		switch ev.Kind() {
		case trace.EventLog:
			l := ev.Log()
			switch l.Category {
			case logCategory:
				names.logged(int64(ev.Goroutine()), l.Message)
			case windowCategory:
				if l.Message == "begin" {
					begin = t
				} else {
					end = t
				}
			}
		case trace.EventStateTransition:
			st := ev.StateTransition()
			switch st.Resource.Kind {
			case trace.ResourceProc:
				if _, to := st.Proc(); to != trace.ProcNotExist {
					procs[int64(st.Resource.Proc())] = true
				}
			case trace.ResourceGoroutine:
				id := st.Resource.Goroutine()
				from, to := st.Goroutine()
				if from == to {
					// A new generation of the trace restating a state.
					break
				}
				closeSpan(id, t)
				if from == trace.GoNotExist && to != trace.GoNotExist {
					steps[int64(id)] = append(steps[int64(id)], Step{State: New, At: rel(t)})
					names.created(int64(id), st.Stack)
				}
				s, lasting := stateOf(to)
				if !lasting && to != trace.GoNotExist {
					break
				}
				steps[int64(id)] = append(steps[int64(id)], Step{State: s, Reason: st.Reason, At: rel(t)})
				if lasting {
					p, m := int64(-1), int64(-1)
					if to == trace.GoRunning || to == trace.GoSyscall {
						p, m = int64(ev.Proc()), int64(ev.Thread())
					}
					o := &open{state: s, reason: st.Reason, p: p, m: m, since: t}
					if from == trace.GoRunning {
						o.stack = functions(ev.Stack())
					}
					current[id] = o
				}
			}
		}
	}
	if !seen {
		return nil, errors.New("schedtrace: the trace holds no events")
	}
	for id := range current {
		closeSpan(id, last)
	}
	if end == 0 || end < begin {
		end = last
	}

	labels, order := names.resolve()
	tl := &Timeline{Begin: rel(begin), End: rel(end), Goroutines: order, steps: map[int64][]Step{}}
	for _, sp := range all {
		if label, ok := labels[sp.G]; ok {
			sp.Label = label
			tl.Spans = append(tl.Spans, sp)
		} else if sp.State == Running {
			tl.Others = append(tl.Others, sp)
		}
	}
	byStart := func(s []Span) {
		sort.SliceStable(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	}
	byStart(tl.Spans)
	byStart(tl.Others)
	for id := range labels {
		tl.steps[id] = steps[id]
	}
	for p := range procs {
		tl.Procs = append(tl.Procs, p)
	}
	sort.Slice(tl.Procs, func(i, j int) bool { return tl.Procs[i] < tl.Procs[j] })
	return tl, nil
}

// stateOf maps the trace's goroutine states onto ours. The second result
// says whether the state lasts (has a span) rather than being an instant.
func stateOf(s trace.GoState) (State, bool) {
	switch s {
	case trace.GoRunnable:
		return Runnable, true
	case trace.GoRunning:
		return Running, true
	case trace.GoWaiting:
		return Waiting, true
	case trace.GoSyscall:
		return Syscall, true
	}
	return Terminated, false
}

// functions lists the function names of a stack, innermost first.
func functions(st trace.Stack) []string {
	var out []string
	for f := range st.Frames() {
		out = append(out, f.Func)
	}
	return out
}
