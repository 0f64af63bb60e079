// The lanes of a picture. A P lane is covered by the goroutines it ran,
// each in a colour of its own, and "idle" wherever it ran none. A
// goroutine lane is covered by its states, and "not alive" before the
// goroutine was created and after it ended: that is not idleness, and it
// is drawn differently (hatched) and named differently in the legend.

package schedtrace

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Names the legend gives to what is not a goroutine's own state.
const (
	KeyIdle     = "idle"             // a P running none of the goroutines
	KeyNotAlive = "not alive"        // a goroutine not yet created, or ended
	KeyOthers   = "other goroutines" // on a P: a goroutine not the scenario's
	KeyPipeWait = "waiting on pipe"  // a Waiting span that Blocked finds on a pipe
)

// The two kinds of lane, as the SVG's classes and legend rows name them.
const (
	procLanes      = "proc"
	goroutineLanes = "goroutine"
)

// Colours by state, in the order the legend lists them; goroutines on
// the P lanes get colours of their own from a palette that avoids these
// hues.
var states = []struct{ key, fill string }{
	{Running.String(), "#2f9e44"},
	{Runnable.String(), "#f59f00"},
	{Waiting.String(), "#74c0fc"},
	{KeyPipeWait, "#66d9e8"},
	{Syscall.String(), "#9c36b5"},
}

var goroutinePalette = []string{"#1f4e79", "#c92a2a", "#0b7285", "#8d5524", "#d6336c", "#5c940d", "#364fc7", "#862e9c"}

const (
	otherColour    = "#adb5bd"
	idleColour     = "#e9ecef"
	notAliveColour = "url(#notalive)"
)

// patterns defines the hatching of "not alive": white with grey stripes,
// the page's own background crossed out.
const patterns = `<defs><pattern id="notalive" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
	`<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ced4da" stroke-width="2"/></pattern></defs>`

func newDrawing(tl *Timeline) *drawing {
	d := &drawing{tl: tl, colours: map[int64]string{}, used: map[string][]used{}}
	d.gs = slices.Clone(tl.Goroutines)
	slices.SortStableFunc(d.gs, func(a, b Goroutine) int { return cmp.Compare(a.Label, b.Label) })
	for i, g := range d.gs {
		d.colours[g.ID] = goroutineColour(i)
	}
	return d
}

// goroutineColour is the i-th goroutine's colour: the palette, then hues
// spaced by the golden angle, so that no two lanes share one.
func goroutineColour(i int) string {
	if i < len(goroutinePalette) {
		return goroutinePalette[i]
	}
	return fmt.Sprintf("hsl(%d, 55%%, 38%%)", (i*137)%360)
}

func stateFill(key string) string {
	for _, s := range states {
		if s.key == key {
			return s.fill
		}
	}
	return otherColour
}

// stateKey is what the legend calls a goroutine's span.
func stateKey(sp Span) string {
	if sp.OnPipe() {
		return KeyPipeWait
	}
	return sp.State.String()
}

func (d *drawing) laneStart(class, name string, y float64) {
	d.printf(`<g class="lane %s" data-name="%s">`+"\n", class, esc(name))
	d.printf(`<text x="%d" y="%.1f" font-size="12" fill="#212529" text-anchor="end">%s</text>`+"\n",
		plotLeft-8, y+laneHeight/2+4, esc(name))
}

// laneEnd outlines the lane over its slices and closes it.
func (d *drawing) laneEnd(y float64) {
	d.printf(`<rect class="frame" x="%d" y="%.1f" width="%d" height="%d" fill="none" stroke="#dee2e6"/>`+"\n",
		plotLeft, y, plotWidth, laneHeight)
	d.printf("</g>\n")
}

// gapsIn draws key over every part of the window that spans leave
// uncovered; spans are drawn after, over the edges of a widened gap.
func (d *drawing) gapsIn(lane string, spans []Span, y float64, key, fill, what string) {
	for _, g := range gaps(spans, d.tl.Begin, d.tl.End) {
		d.slice(lane, g.Start, g.End, y, key, fill, fmt.Sprintf("%s: %s for %s", what, key, formatDuration(g.End-g.Start)), "", "")
	}
}

func (d *drawing) procLane(p int64, y float64) {
	name := fmt.Sprintf("P%d", p)
	d.laneStart(procLanes, name, y)
	var others, mine []Span
	for _, sp := range d.tl.Others {
		if sp.P == p {
			others = append(others, sp)
		}
	}
	for _, sp := range d.tl.Spans {
		if sp.State == Running && sp.P == p {
			mine = append(mine, sp)
		}
	}
	d.gapsIn(procLanes, append(slices.Clone(others), mine...), y, KeyIdle, idleColour, name)
	for _, sp := range others {
		d.slice(procLanes, sp.Start, sp.End, y, KeyOthers, otherColour,
			fmt.Sprintf("goroutine %d (not the scenario's): running %s", sp.G, formatDuration(sp.End-sp.Start)), "", "")
	}
	for _, sp := range mine {
		d.slice(procLanes, sp.Start, sp.End, y, sp.Label, d.colours[sp.G],
			fmt.Sprintf("%s on %s for %s", sp.Label, name, formatDuration(sp.End-sp.Start)), sp.Label, "#ffffff")
	}
	d.laneEnd(y)
}

func (d *drawing) goroutineLane(g Goroutine, y float64) {
	d.laneStart(goroutineLanes, g.Label, y)
	var lane []Span
	for _, sp := range d.tl.Spans {
		if sp.G == g.ID {
			lane = append(lane, sp)
		}
	}
	d.gapsIn(goroutineLanes, lane, y, KeyNotAlive, notAliveColour, g.Label)
	for _, sp := range lane {
		what, inside := sp.State.String(), ""
		if sp.State == Waiting {
			inside = sp.Blocked()
		}
		switch {
		case inside != "" && inside != sp.Reason:
			what += " (" + inside + "; the trace says " + sp.Reason + ")"
		case sp.Reason != "":
			what += " (" + sp.Reason + ")"
		}
		key := stateKey(sp)
		d.slice(goroutineLanes, sp.Start, sp.End, y, key, stateFill(key),
			fmt.Sprintf("%s: %s for %s", g.Label, what, formatDuration(sp.End-sp.Start)), inside, "#212529")
	}
	d.laneEnd(y)
}

// interval is a stretch of time.
type interval struct{ Start, End time.Duration }

// gaps returns the parts of [begin, end) that no span covers, in order.
func gaps(spans []Span, begin, end time.Duration) []interval {
	var covered []interval
	for _, sp := range spans {
		if sp.End > sp.Start {
			covered = append(covered, interval{sp.Start, sp.End})
		}
	}
	slices.SortFunc(covered, func(a, b interval) int { return cmp.Compare(a.Start, b.Start) })
	var out []interval
	at := begin
	for _, c := range covered {
		if c.Start > at {
			out = append(out, interval{at, min(c.Start, end)})
		}
		at = max(at, c.End)
		if at >= end {
			break
		}
	}
	if at < end {
		out = append(out, interval{at, end})
	}
	return out
}
