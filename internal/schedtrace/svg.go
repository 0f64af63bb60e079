// Draw writes a timeline as an SVG picture: first one lane per P showing
// which goroutine it ran, then one lane per scenario goroutine showing
// its state, over a time axis in real units, with a legend and a caption.
// The SVG is written by hand; every piece of text goes through an XML
// escaper, so any label is safe.
//
// The picture describes itself for tests and other readers: every slice
// of a lane is a rect with a data-state attribute holding the legend's
// name for what it shows, and the legend's rows say which lanes they
// explain. lanes.go draws the lanes, legend.go the legend.

package schedtrace

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"
)

// Layout, in SVG user units (pixels).
const (
	svgWidth   = 960
	plotLeft   = 110
	plotRight  = 24
	plotWidth  = svgWidth - plotLeft - plotRight
	laneHeight = 22
	laneGap    = 6
)

// MinSliceWidth is the narrowest a slice of a lane is drawn, in SVG
// units: a 2 µs run on a 100 ms axis would otherwise be a hundredth of a
// pixel and vanish. A slice narrower than this in true time is widened
// about its midpoint, so it marks when it happened, and the slices after
// it stay where their own times put them.
const MinSliceWidth = 2.0

// Draw writes the picture of tl, captured from sc, to w.
func Draw(w io.Writer, sc Scenario, tl *Timeline) error {
	switch {
	case tl == nil:
		return errors.New("schedtrace: no timeline to draw")
	case tl.End <= tl.Begin:
		return fmt.Errorf("schedtrace: empty time window [%v, %v]", tl.Begin, tl.End)
	case len(tl.Procs) == 0:
		return errors.New("schedtrace: the trace shows no P")
	}
	d := newDrawing(tl)

	y := 30.0
	d.text(12, y, "title", 17, "bold", sc.Title)
	y += 20
	d.text(12, y, "subtitle", 12, "normal", fmt.Sprintf("GOMAXPROCS=%d · %s %s/%s · from runtime/trace, parsed with golang.org/x/exp/trace",
		sc.Procs, runtime.Version(), runtime.GOOS, runtime.GOARCH))
	y += 28

	d.text(12, y, "heading", 13, "bold", "Each P (processor): which goroutine it runs")
	y += 10
	for _, p := range tl.Procs {
		d.procLane(p, y)
		y += laneHeight + laneGap
	}
	y += 16
	d.text(12, y, "heading", 13, "bold", "Each goroutine of the scenario: its state")
	y += 10
	for _, g := range d.gs {
		d.goroutineLane(g, y)
		y += laneHeight + laneGap
	}
	y = d.axis(y + 2)
	y = d.legend(y + 14)
	y = d.caption(sc.Caption, y+10)
	measured := fmt.Sprintf("Measured in this trace: at most %d of the scenario's goroutines running at once; "+
		"the scenario took %s.", MaxConcurrentRunning(tl.Spans), formatDuration(tl.End-tl.Begin))
	d.text(12, y+14, "measured", 12, "normal", measured)
	y += 26

	if _, err := fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" font-family="Helvetica, Arial, sans-serif">
<title>%s</title>
%s
<rect width="100%%" height="100%%" fill="#ffffff"/>
`, svgWidth, y, svgWidth, y, esc(sc.Title), patterns); err != nil {
		return err
	}
	if _, err := io.WriteString(w, d.body.String()); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</svg>\n")
	return err
}

type drawing struct {
	tl      *Timeline
	gs      []Goroutine       // the scenario's goroutines, in lane order
	colours map[int64]string  // each goroutine's colour on the P lanes
	used    map[string][]used // per lane kind, what its slices show, first use first
	body    strings.Builder
}

// used is one thing a kind of lane shows, and its fill.
type used struct{ key, fill string }

func (d *drawing) printf(format string, args ...any) { fmt.Fprintf(&d.body, format, args...) }

func (d *drawing) text(x, y float64, class string, size int, weight, s string) {
	d.printf(`<text class="%s" x="%.1f" y="%.1f" font-size="%d" font-weight="%s" fill="#212529">%s</text>`+"\n",
		class, x, y, size, weight, esc(s))
}

// x maps a time to a horizontal position, clamped to the plot.
func (d *drawing) x(t time.Duration) float64 {
	t = min(max(t, d.tl.Begin), d.tl.End)
	return plotLeft + float64(t-d.tl.Begin)/float64(d.tl.End-d.tl.Begin)*plotWidth
}

// slice draws the part of [from, to) inside the window on a lane of kind
// lane, as key in fill; text goes inside it when there is room. Nothing
// is drawn for an interval outside the window or of no length.
func (d *drawing) slice(lane string, from, to time.Duration, y float64, key, fill, tip, inside, ink string) {
	from, to = max(from, d.tl.Begin), min(to, d.tl.End)
	if to <= from {
		return
	}
	x0, w := d.x(from), d.x(to)-d.x(from)
	if w < MinSliceWidth {
		mid := x0 + w/2
		x0, w = min(max(mid-MinSliceWidth/2, plotLeft), plotLeft+plotWidth-MinSliceWidth), MinSliceWidth
	}
	d.use(lane, key, fill)
	d.printf(`<rect data-state="%s" x="%.2f" y="%.1f" width="%.2f" height="%d" fill="%s"><title>%s</title></rect>`+"\n",
		esc(key), x0, y, w, laneHeight, fill, esc(tip))
	if inside != "" && w >= 7*float64(len(inside))+6 {
		d.printf(`<text x="%.1f" y="%.1f" font-size="11" fill="%s" text-anchor="middle">%s</text>`+"\n",
			x0+w/2, y+laneHeight/2+4, ink, esc(inside))
	}
}

// use notes that lanes of this kind show key, for the legend.
func (d *drawing) use(lane, key, fill string) {
	for _, u := range d.used[lane] {
		if u.key == key {
			return
		}
	}
	d.used[lane] = append(d.used[lane], used{key, fill})
}

// axis draws the time axis below the lanes and returns the y below it.
func (d *drawing) axis(y float64) float64 {
	window := d.tl.End - d.tl.Begin
	step := niceStep(window / 8)
	d.printf(`<g class="axis">` + "\n")
	d.printf(`<line class="baseline" x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#495057"/>`+"\n", plotLeft, y, plotLeft+plotWidth, y)
	for t := time.Duration(0); t <= window; t += step {
		x := d.x(d.tl.Begin + t)
		d.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#495057"/>`+"\n", x, y, x, y+5)
		d.printf(`<text x="%.1f" y="%.1f" font-size="11" fill="#495057" text-anchor="middle">%s</text>`+"\n",
			x, y+17, esc(formatTick(t, step)))
	}
	d.printf(`<text x="%d" y="%.1f" font-size="11" fill="#495057" text-anchor="end">time since the scenario began</text>`+"\n",
		plotLeft+plotWidth, y+32)
	d.printf("</g>\n")
	return y + 36
}

// caption wraps the text to the picture's width and returns the y below it.
func (d *drawing) caption(s string, y float64) float64 {
	const perLine = 125
	d.printf(`<g class="caption">` + "\n")
	line := ""
	flush := func() {
		y += 17
		d.printf(`<text x="12" y="%.1f" font-size="13" fill="#212529">%s</text>`+"\n", y, esc(line))
		line = ""
	}
	for _, word := range strings.Fields(s) {
		if line != "" && len(line)+1+len(word) > perLine {
			flush()
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		flush()
	}
	d.printf("</g>\n")
	return y + 6
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
