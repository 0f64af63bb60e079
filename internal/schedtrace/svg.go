// Draw writes a timeline as an SVG picture: first one lane per P showing
// which goroutine it ran, then one lane per scenario goroutine showing
// its state, over a time axis in real units, with a legend and a caption.
// The SVG is written by hand; every piece of text goes through an XML
// escaper, so any label is safe.

package schedtrace

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
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
	minSpanPx  = 0.6
)

// Colours by state; goroutines on the P lanes get colours of their own
// from a palette that avoids these hues.
var stateColour = map[State]string{
	Running:  "#2f9e44",
	Runnable: "#f59f00",
	Waiting:  "#74c0fc",
	Syscall:  "#9c36b5",
}

var goroutinePalette = []string{"#1f4e79", "#c92a2a", "#0b7285", "#8d5524", "#d6336c", "#5c940d", "#364fc7", "#862e9c"}

const (
	otherColour = "#adb5bd"
	idleColour  = "#f1f3f5"
)

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
	d := &drawing{tl: tl, colours: map[int64]string{}}
	gs := append([]Goroutine(nil), tl.Goroutines...)
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].Label < gs[j].Label })
	for i, g := range gs {
		d.colours[g.ID] = goroutinePalette[i%len(goroutinePalette)]
	}

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
	for _, g := range gs {
		d.goroutineLane(g, y)
		y += laneHeight + laneGap
	}
	y = d.axis(y + 2)
	y = d.legend(gs, y+14)
	y = d.caption(sc.Caption, y+10)
	measured := fmt.Sprintf("Measured in this trace: at most %d of the scenario's goroutines running at once; "+
		"the scenario took %s.", MaxConcurrentRunning(tl.Spans), formatDuration(tl.End-tl.Begin))
	d.text(12, y+14, "measured", 12, "normal", measured)
	y += 26

	if _, err := fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" font-family="Helvetica, Arial, sans-serif">
<title>%s</title>
<rect width="100%%" height="100%%" fill="#ffffff"/>
`, svgWidth, y, svgWidth, y, esc(sc.Title)); err != nil {
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
	colours map[int64]string
	body    strings.Builder
}

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

// span draws one interval; text goes inside it when there is room.
func (d *drawing) span(sp Span, y float64, fill, tip, inside, ink string) {
	x0, x1 := d.x(sp.Start), d.x(sp.End)
	if x1 <= x0 && (sp.End < d.tl.Begin || sp.Start > d.tl.End) {
		return
	}
	w := max(x1-x0, minSpanPx)
	d.printf(`<rect x="%.2f" y="%.1f" width="%.2f" height="%d" fill="%s"><title>%s</title></rect>`+"\n",
		x0, y, w, laneHeight, fill, esc(tip))
	if inside != "" && w >= 7*float64(len(inside))+6 {
		d.printf(`<text x="%.1f" y="%.1f" font-size="11" fill="%s" text-anchor="middle">%s</text>`+"\n",
			x0+w/2, y+laneHeight/2+4, ink, esc(inside))
	}
}

func (d *drawing) laneStart(class, name, label string, y float64) {
	d.printf(`<g class="lane %s" data-name="%s">`+"\n", class, esc(name))
	d.printf(`<text x="%d" y="%.1f" font-size="12" fill="#212529" text-anchor="end">%s</text>`+"\n",
		plotLeft-8, y+laneHeight/2+4, esc(label))
	d.printf(`<rect x="%d" y="%.1f" width="%d" height="%d" fill="%s" stroke="#dee2e6"/>`+"\n",
		plotLeft, y, plotWidth, laneHeight, idleColour)
}

func (d *drawing) procLane(p int64, y float64) {
	name := fmt.Sprintf("P%d", p)
	d.laneStart("proc", name, name, y)
	for _, sp := range d.tl.Others {
		if sp.P == p {
			d.span(sp, y, otherColour, fmt.Sprintf("goroutine %d (not the scenario's): running %s", sp.G, formatDuration(sp.End-sp.Start)), "", "")
		}
	}
	for _, sp := range d.tl.Spans {
		if sp.State == Running && sp.P == p {
			d.span(sp, y, d.colours[sp.G], fmt.Sprintf("%s on %s for %s", sp.Label, name, formatDuration(sp.End-sp.Start)), sp.Label, "#ffffff")
		}
	}
	d.printf("</g>\n")
}

func (d *drawing) goroutineLane(g Goroutine, y float64) {
	d.laneStart("goroutine", g.Label, g.Label, y)
	for _, sp := range d.tl.Spans {
		if sp.G != g.ID {
			continue
		}
		what := sp.State.String()
		if sp.Reason != "" {
			what += " (" + sp.Reason + ")"
		}
		inside := ""
		if sp.State == Waiting {
			inside = sp.Reason
		}
		d.span(sp, y, stateColour[sp.State], fmt.Sprintf("%s: %s for %s", g.Label, what, formatDuration(sp.End-sp.Start)), inside, "#212529")
	}
	d.printf("</g>\n")
}

// axis draws the time axis below the lanes and returns the y below it.
func (d *drawing) axis(y float64) float64 {
	window := d.tl.End - d.tl.Begin
	step := niceStep(window / 8)
	d.printf(`<g class="axis">` + "\n")
	d.printf(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#495057"/>`+"\n", plotLeft, y, plotLeft+plotWidth, y)
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

// legend explains both colour schemes and returns the y below it.
func (d *drawing) legend(gs []Goroutine, y float64) float64 {
	d.printf(`<g class="legend">` + "\n")
	row := func(y float64, title string, keys []string, fills []string) {
		d.printf(`<text x="12" y="%.1f" font-size="12" font-weight="bold" fill="#212529">%s</text>`+"\n", y+11, esc(title))
		x := 12 + 7.5*float64(len(title)) + 12
		for i, k := range keys {
			d.printf(`<rect x="%.1f" y="%.1f" width="14" height="14" fill="%s" stroke="#868e96" stroke-width="0.5"/>`+"\n", x, y, fills[i])
			d.printf(`<text x="%.1f" y="%.1f" font-size="12" fill="#212529">%s</text>`+"\n", x+19, y+11, esc(k))
			x += 19 + 7*float64(len(k)) + 18
		}
	}
	var keys, fills []string
	for _, g := range gs {
		keys, fills = append(keys, g.Label), append(fills, d.colours[g.ID])
	}
	keys, fills = append(keys, "other goroutines", "idle"), append(fills, otherColour, idleColour)
	row(y, "On a P", keys, fills)
	states := []State{Running, Runnable, Waiting, Syscall}
	keys, fills = nil, nil
	for _, s := range states {
		keys, fills = append(keys, s.String()), append(fills, stateColour[s])
	}
	row(y+22, "Goroutine state", keys, fills)
	d.printf("</g>\n")
	return y + 44
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
