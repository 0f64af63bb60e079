// The line chart: series against a few integer x values (GOMAXPROCS),
// each point with a whisker from its lowest to its highest sample.
// Reference lines (Dashed) are drawn first, thin and grey, and the
// measured series on top of them with a marker shape each; the series are
// set a few pixels apart sideways, so that two with the same values still
// show both, and the legend says so.

package report

import (
	"fmt"
	"math"
	"strings"
)

// Line is one series of a line chart.
type Line struct {
	Name   string
	Y      []float64 // one per x; NaN where missing
	Lo, Hi []float64 // the spread of each point, drawn as a whisker; nil for none
	Dashed bool      // a reference line rather than a measured series
}

// LineChart draws lines against integer x values.
func LineChart(title, xLabel, yLabel string, xs []int, lines []Line) string {
	const w, h, left, right, top, bottom = 680, 380, 60, 200, 40, 50
	pw, ph := float64(w-left-right), float64(h-top-bottom)
	ymax := 1.0
	for _, l := range lines {
		for i, y := range l.Y {
			ymax = math.Max(ymax, finite(y))
			if i < len(l.Hi) {
				ymax = math.Max(ymax, finite(l.Hi[i]))
			}
		}
	}
	ymax = math.Ceil(ymax*1.1*2) / 2
	xAt := func(i int) float64 {
		if len(xs) == 1 {
			return left + pw/2
		}
		return left + 20 + (pw-40)*float64(i)/float64(len(xs)-1)
	}
	yAt := func(y float64) float64 { return top + ph*(1-y/ymax) }

	var b strings.Builder
	svgOpen(&b, w, h, title)
	b.WriteString(`<g class="axes">` + "\n")
	for _, t := range linearTicks(ymax) {
		y := yAt(t.v)
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e4e4e4"/>`+"\n", left, y, w-right, y)
		fmt.Fprintf(&b, `<text class="tick-y" x="%d" y="%.1f" text-anchor="end" font-size="11">%s</text>`+"\n", left-6, y+4, t.label)
	}
	for i, x := range xs {
		fmt.Fprintf(&b, `<text class="tick-x" x="%.1f" y="%d" text-anchor="middle" font-size="11">%d</text>`+"\n", xAt(i), h-bottom+16, x)
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, h-bottom, w-right, h-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, top, left, h-bottom)
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="12">%s</text>`+"\n", left+pw/2, h-12, esc(xLabel))
	fmt.Fprintf(&b, `<text x="14" y="%.1f" text-anchor="middle" font-size="12" transform="rotate(-90 14 %.1f)">%s</text>`+"\n", top+ph/2, top+ph/2, esc(yLabel))
	b.WriteString("</g>\n")

	// References first, so that no measured series hides under one.
	var refs, measured []Line
	for _, l := range lines {
		if l.Dashed {
			refs = append(refs, l)
		} else {
			measured = append(measured, l)
		}
	}
	var legend []string
	ly := top + 10
	for _, l := range refs {
		fmt.Fprintf(&b, `<g class="reference"><title>%s</title>`+"\n", esc(l.Name))
		fmt.Fprintf(&b, `<polyline fill="none" stroke="#888" stroke-width="1.2" stroke-dasharray="6,4" points="%s"/>`+"\n", points(l.Y, xAt, yAt, 0))
		b.WriteString("</g>\n")
		legend = append(legend, fmt.Sprintf(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888" stroke-width="1.2" stroke-dasharray="6,4"/>`+"\n"+
			`<text x="%d" y="%d" font-size="11">%s</text>`, w-right+12, ly, w-right+36, ly, w-right+42, ly+4, esc(l.Name)))
		ly += 18
	}
	for si, l := range measured {
		colour := palette[si%len(palette)]
		dx := (float64(si) - float64(len(measured)-1)/2) * 4
		fmt.Fprintf(&b, `<g class="series"><title>%s</title>`+"\n", esc(l.Name))
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", colour, points(l.Y, xAt, yAt, dx))
		for i, y := range l.Y {
			if math.IsNaN(y) {
				continue
			}
			x := xAt(i) + dx
			if i < len(l.Lo) && i < len(l.Hi) && !math.IsNaN(l.Lo[i]) && !math.IsNaN(l.Hi[i]) {
				fmt.Fprintf(&b, `<path class="spread" d="M%.1f,%.1f h6 m-3,0 V%.1f m-3,0 h6" stroke="%s" stroke-width="1" fill="none"/>`+"\n",
					x-3, yAt(l.Lo[i]), yAt(l.Hi[i]), colour)
			}
			fmt.Fprintf(&b, "%s\n", marker(si, x, yAt(y), colour))
		}
		b.WriteString("</g>\n")
		legend = append(legend, fmt.Sprintf(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>`+"\n%s\n"+
			`<text x="%d" y="%d" font-size="11">%s</text>`, w-right+12, ly, w-right+36, ly, colour, marker(si, float64(w-right+24), float64(ly), colour), w-right+42, ly+4, esc(l.Name)))
		ly += 18
	}
	b.WriteString(`<g class="legend">` + "\n" + strings.Join(legend, "\n") + "\n")
	for _, note := range []string{"whiskers: lowest to highest sample;", "series sit a few pixels apart", "sideways, so none hides another"} {
		fmt.Fprintf(&b, `<text class="note" x="%d" y="%d" font-size="10" fill="#555">%s</text>`+"\n", w-right+12, ly+6, note)
		ly += 13
	}
	b.WriteString("</g>\n</svg>\n")
	return b.String()
}

// points lists a series' points for a polyline, shifted dx sideways and
// skipping the missing ones.
func points(ys []float64, xAt func(int) float64, yAt func(float64) float64, dx float64) string {
	var pts []string
	for i, y := range ys {
		if !math.IsNaN(y) {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xAt(i)+dx, yAt(y)))
		}
	}
	return strings.Join(pts, " ")
}

// finite is v, or 0 when v is NaN or infinite.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
