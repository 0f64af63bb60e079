package schedtrace

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func run(g int64, p int64, from, to time.Duration) Span {
	return Span{G: g, Label: fmt.Sprint("g", g), State: Running, P: p, Start: from * time.Millisecond, End: to * time.Millisecond}
}

func TestMaxConcurrentRunning(t *testing.T) {
	tests := []struct {
		name  string
		spans []Span
		want  int
	}{
		{"nothing", nil, 0},
		{"one", []Span{run(1, 0, 0, 5)}, 1},
		{"hand over at the same instant", []Span{run(1, 0, 0, 5), run(2, 0, 5, 9)}, 1},
		{"overlap", []Span{run(1, 0, 0, 5), run(2, 1, 4, 9)}, 2},
		{"three, two at a time", []Span{run(1, 0, 0, 5), run(2, 1, 1, 3), run(3, 1, 3, 9)}, 2},
		{"not running does not count", []Span{run(1, 0, 0, 5), {G: 2, State: Runnable, Start: 0, End: 5 * time.Millisecond}}, 1},
		{"empty spans do not count", []Span{run(1, 0, 0, 5), run(2, 1, 2, 2)}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, MaxConcurrentRunning(tt.spans))
		})
	}
}

func TestSwitches(t *testing.T) {
	tests := []struct {
		name  string
		spans []Span
		want  int
	}{
		{"nothing", nil, 0},
		{"run to completion", []Span{run(1, 0, 0, 5), run(2, 0, 5, 9)}, 1},
		{"taking turns", []Span{run(1, 0, 0, 2), run(2, 0, 2, 4), run(1, 0, 4, 6), run(2, 0, 6, 8)}, 3},
		{"preempted and resumed with nobody in between", []Span{run(1, 0, 0, 2), run(1, 0, 2, 4)}, 0},
		{"order is by start, not by slice order", []Span{run(2, 0, 2, 4), run(1, 0, 0, 2), run(1, 0, 4, 6)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Switches(tt.spans))
		})
	}
}

func steps(ss ...string) []Step {
	parse := map[string]Step{
		"new": {State: New}, "runnable": {State: Runnable}, "running": {State: Running},
		"preempted": {State: Runnable, Reason: "preempted"},
		"scanned":   {State: Waiting, Reason: "preempted"},
		"sleep":     {State: Waiting, Reason: "sleep"}, "terminated": {State: Terminated},
	}
	var out []Step
	for _, s := range ss {
		out = append(out, parse[s])
	}
	return out
}

func TestWithoutPreemptions(t *testing.T) {
	tests := []struct {
		name     string
		in, want []Step
	}{
		{"nothing", nil, nil},
		{"already plain", steps("new", "runnable", "running", "terminated"), steps("new", "runnable", "running", "terminated")},
		{"preempted twice", steps("new", "runnable", "running", "preempted", "running", "preempted", "running", "terminated"),
			steps("new", "runnable", "running", "terminated")},
		{"stopped for a GC stack scan", steps("running", "scanned", "runnable", "running"), steps("running")},
		{"a sleep is the goroutine's own wait", steps("running", "sleep", "runnable", "running"),
			steps("running", "sleep", "runnable", "running")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, WithoutPreemptions(tt.in))
		})
	}
}

func ExampleWithoutPreemptions() {
	raw := []Step{
		{State: New}, {State: Runnable}, {State: Running},
		{State: Runnable, Reason: "preempted"}, {State: Running},
		{State: Waiting, Reason: "sleep"}, {State: Runnable}, {State: Running},
		{State: Terminated},
	}
	fmt.Println(WithoutPreemptions(raw))
	// Output: [new runnable running waiting(sleep) runnable running terminated]
}

func TestAxisUnits(t *testing.T) {
	tests := []struct {
		rough, step time.Duration
		tick        time.Duration
		label       string
	}{
		{12 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond, "40 ms"},
		{3 * time.Millisecond, 5 * time.Millisecond, 15 * time.Millisecond, "15 ms"},
		{150 * time.Microsecond, 200 * time.Microsecond, 400 * time.Microsecond, "400 µs"},
		{900 * time.Microsecond, time.Millisecond, 3 * time.Millisecond, "3 ms"},
		{0, 1, 0, "0"},
	}
	for _, tt := range tests {
		step := niceStep(tt.rough)
		assert.Equal(t, tt.step, step, "niceStep(%v)", tt.rough)
		assert.Equal(t, tt.label, formatTick(tt.tick, step))
	}
	assert.Equal(t, "12.3 ms", formatDuration(12345*time.Microsecond))
	assert.Equal(t, "1.5 s", formatDuration(1500*time.Millisecond))
}
