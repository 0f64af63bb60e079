package schedtrace_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/schedtrace"
	"github.com/concurrency-atlas/atlas/internal/schedtrace/svgtest"
)

// picture draws tl as sc's picture and reads it back.
func picture(t *testing.T, sc schedtrace.Scenario, tl *schedtrace.Timeline) *svgtest.Picture {
	t.Helper()
	p, err := svgtest.Draw(sc, tl)
	require.NoError(t, err)
	return p
}

func lanesOf(p *svgtest.Picture, kind string) []string {
	var out []string
	for _, l := range p.Lanes {
		if l.Kind == kind {
			out = append(out, l.Name)
		}
	}
	return out
}

// Every registered scenario, drawn from a trace captured now, keeps the
// rules: a legend naming exactly what is drawn, every slice at least the
// minimum width and on the axis; and it has a lane per P and per
// goroutine, its title and its caption.
func TestEveryPictureKeepsTheRules(t *testing.T) {
	for _, sc := range schedtrace.Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			tl, err := schedtrace.Record(sc)
			require.NoError(t, err)
			p := picture(t, sc, tl)

			assert.NoError(t, p.Check(schedtrace.MinSliceWidth))
			assert.Len(t, lanesOf(p, "proc"), sc.Procs, "one lane per P")
			assert.Len(t, lanesOf(p, "goroutine"), len(tl.Goroutines), "one lane per goroutine")
			assert.Equal(t, strings.Join(strings.Fields(sc.Caption), " "), p.Caption)
			assert.Equal(t, sc.Title, p.Title)
			t.Logf("P lanes show %v; goroutine lanes show %v", p.Keys("proc"), p.Keys("goroutine"))
		})
	}
}

// A made-up schedule on a 10 ms window: "long" lives throughout, runs on
// P0 and then waits; "brief" is created at 4 ms, runs 1 ms on P0 and ends.
func madeUp() *schedtrace.Timeline {
	ms := time.Millisecond
	return &schedtrace.Timeline{
		Procs:      []int64{0},
		Goroutines: []schedtrace.Goroutine{{ID: 1, Label: "long"}, {ID: 2, Label: "brief"}},
		Spans: []schedtrace.Span{
			{G: 1, Label: "long", State: schedtrace.Running, P: 0, Start: 0, End: 3 * ms},
			{G: 1, Label: "long", State: schedtrace.Waiting, Reason: "sleep", P: -1, Start: 3 * ms, End: 10 * ms},
			{G: 2, Label: "brief", State: schedtrace.Running, P: 0, Start: 4 * ms, End: 5 * ms},
		},
		End: 10 * ms,
	}
}

// The legend leaves out what the picture does not draw: no runnable, no
// syscall, no pipe wait, no other goroutines here. "Not alive" (brief's
// lane before and after its life) and "idle" (P0 with nothing to run) are
// both there, under their own names and fills.
func TestLegendNamesOnlyWhatIsDrawn(t *testing.T) {
	p := picture(t, schedtrace.TaskLifecycle(), madeUp())
	require.NoError(t, p.Check(schedtrace.MinSliceWidth))

	assert.Equal(t, []string{"brief", "long", schedtrace.KeyIdle}, p.Keys("proc"))
	assert.Equal(t, []string{"running", "waiting", schedtrace.KeyNotAlive}, p.Keys("goroutine"))
	assert.Equal(t, []string{"running", "waiting"}, p.Lane("goroutine", "long").Drawn(), "long is alive throughout")
	assert.Equal(t, []string{schedtrace.KeyNotAlive, "running"}, p.Lane("goroutine", "brief").Drawn())

	fill := map[string]string{}
	for _, r := range p.Legend {
		for _, e := range r.Entries {
			fill[e.Key] = e.Fill
		}
	}
	assert.NotEqual(t, fill[schedtrace.KeyIdle], fill[schedtrace.KeyNotAlive])
	assert.NotEqual(t, fill["waiting"], fill[schedtrace.KeyNotAlive])
}

// A 2 µs run on a 100 ms axis is a sliver of the minimum width centred
// on its true time, and the slice after it starts where its own time
// puts it, not where the widened sliver ends.
func TestShortSliceIsASliverAtItsTrueTime(t *testing.T) {
	at := 50 * time.Millisecond
	tl := &schedtrace.Timeline{
		Procs:      []int64{0},
		Goroutines: []schedtrace.Goroutine{{ID: 1, Label: "g"}},
		Spans: []schedtrace.Span{
			{G: 1, Label: "g", State: schedtrace.Waiting, Reason: "sleep", P: -1, Start: 0, End: at},
			{G: 1, Label: "g", State: schedtrace.Running, P: 0, Start: at, End: at + 2*time.Microsecond},
			{G: 1, Label: "g", State: schedtrace.Runnable, P: -1, Start: at + 2*time.Microsecond, End: 100 * time.Millisecond},
		},
		End: 100 * time.Millisecond,
	}
	p := picture(t, schedtrace.TaskLifecycle(), tl)
	require.NoError(t, p.Check(schedtrace.MinSliceWidth))
	xOf := func(d time.Duration) float64 {
		return p.AxisFrom + float64(d)/float64(tl.End)*(p.AxisTo-p.AxisFrom)
	}

	lane := p.Lane("goroutine", "g")
	require.NotNil(t, lane)
	require.Len(t, lane.Slices, 3)
	sliver, after := lane.Slices[1], lane.Slices[2]
	assert.Equal(t, "running", sliver.State)
	assert.InDelta(t, schedtrace.MinSliceWidth, sliver.Width, 0.01)
	assert.InDelta(t, xOf(at+time.Microsecond), sliver.X+sliver.Width/2, 0.01, "the sliver is not centred on its run")
	assert.InDelta(t, xOf(at+2*time.Microsecond), after.X, 0.01, "the slice after the sliver moved")
	assert.InDelta(t, xOf(tl.End)-xOf(at+2*time.Microsecond), after.Width, 0.01)
}

// A sliver at the very start of the window stays on the axis.
func TestSliverAtTheEdgeStaysOnTheAxis(t *testing.T) {
	tl := &schedtrace.Timeline{
		Procs:      []int64{0},
		Goroutines: []schedtrace.Goroutine{{ID: 1, Label: "g"}},
		Spans:      []schedtrace.Span{{G: 1, Label: "g", State: schedtrace.Running, P: 0, Start: 0, End: time.Microsecond}},
		End:        time.Second,
	}
	p := picture(t, schedtrace.TaskLifecycle(), tl)
	assert.NoError(t, p.Check(schedtrace.MinSliceWidth))
	assert.InDelta(t, p.AxisFrom, p.Lane("proc", "P0").Slices[1].X, 0.01)
}

// Labels and titles are text from the caller; they must not break the XML.
func TestSVGEscapesText(t *testing.T) {
	label := `<g id="x">&`
	sc := schedtrace.Scenario{Name: "escape", Title: `<b>"A" & 'B'</b>`, Caption: "x < y && z > w", Procs: 1}
	tl := &schedtrace.Timeline{
		Procs:      []int64{0},
		Goroutines: []schedtrace.Goroutine{{ID: 7, Label: label}},
		Spans: []schedtrace.Span{
			{G: 7, Label: label, State: schedtrace.Running, P: 0, Start: 0, End: 2 * time.Millisecond},
			{G: 7, Label: label, State: schedtrace.Waiting, Reason: "<chan> & co", P: -1, Start: 2 * time.Millisecond, End: 9 * time.Millisecond},
		},
		End: 10 * time.Millisecond,
	}
	p := picture(t, sc, tl)
	assert.Equal(t, sc.Title, p.Title)
	assert.Equal(t, sc.Caption, p.Caption)
	assert.Equal(t, []string{"P0"}, lanesOf(p, "proc"))
	assert.Equal(t, []string{label}, lanesOf(p, "goroutine"))
	assert.Contains(t, p.Keys("proc"), label)
	assert.NoError(t, p.Check(schedtrace.MinSliceWidth))
}

// Many goroutines still get a colour each.
func TestEveryGoroutineHasAColourOfItsOwn(t *testing.T) {
	tl := &schedtrace.Timeline{Procs: []int64{0}, End: 20 * time.Millisecond}
	for i := range 12 {
		label := fmt.Sprintf("g%02d", i)
		tl.Goroutines = append(tl.Goroutines, schedtrace.Goroutine{ID: int64(i), Label: label})
		tl.Spans = append(tl.Spans, schedtrace.Span{G: int64(i), Label: label, State: schedtrace.Running, P: 0,
			Start: time.Duration(i) * time.Millisecond, End: time.Duration(i+1) * time.Millisecond})
	}
	p := picture(t, schedtrace.TaskLifecycle(), tl)
	assert.NoError(t, p.Check(schedtrace.MinSliceWidth), "two legend entries share a fill")
}
