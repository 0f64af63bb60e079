// The charts are plain SVG written by hand so that GitHub shows them and no
// plotting program is needed: a line chart and a bar chart on a log scale.

package report

import (
	"fmt"
	"html"
	"math"
	"strings"
)

var palette = []string{"#1b6ca8", "#d1495b", "#edae49", "#8c564b", "#6a4c93", "#3d9970", "#e377c2"}

// Line is one series of a line chart.
type Line struct {
	Name   string
	Y      []float64 // one per X; NaN where missing
	Dashed bool
}

// LineChart draws series against integer x values (GOMAXPROCS).
func LineChart(title, xLabel, yLabel string, xs []int, lines []Line) string {
	const w, h, left, right, top, bottom = 640, 360, 60, 190, 40, 50
	pw, ph := float64(w-left-right), float64(h-top-bottom)
	ymax := 1.0
	for _, l := range lines {
		for _, y := range l.Y {
			if !math.IsNaN(y) {
				ymax = math.Max(ymax, y)
			}
		}
	}
	ymax = math.Ceil(ymax*1.1*2) / 2
	xAt := func(i int) float64 {
		if len(xs) == 1 {
			return left + pw/2
		}
		return left + pw*float64(i)/float64(len(xs)-1)
	}
	yAt := func(y float64) float64 { return top + ph*(1-y/ymax) }

	var b strings.Builder
	svgOpen(&b, w, h, title)
	// Axes, grid and ticks.
	for t := 0.0; t <= ymax+1e-9; t += tickStep(ymax) {
		y := yAt(t)
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>`+"\n", left, y, w-right, y)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" font-size="11">%g</text>`+"\n", left-6, y+4, t)
	}
	for i, x := range xs {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="11">%d</text>`+"\n", xAt(i), h-bottom+16, x)
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, h-bottom, w-right, h-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, top, left, h-bottom)
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="12">%s</text>`+"\n", left+pw/2, h-12, esc(xLabel))
	fmt.Fprintf(&b, `<text x="14" y="%.1f" text-anchor="middle" font-size="12" transform="rotate(-90 14 %.1f)">%s</text>`+"\n", top+ph/2, top+ph/2, esc(yLabel))
	for li, l := range lines {
		colour := palette[li%len(palette)]
		dash := ""
		if l.Dashed {
			colour, dash = "#999", ` stroke-dasharray="5,4"`
		}
		var pts []string
		for i, y := range l.Y {
			if math.IsNaN(y) {
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xAt(i), yAt(y)))
			if !l.Dashed {
				fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s: %.2f</title></circle>`+"\n", xAt(i), yAt(y), colour, esc(l.Name), y)
			}
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s"/>`+"\n", colour, dash, strings.Join(pts, " "))
		ly := top + 10 + 18*li
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>`+"\n", w-right+12, ly, w-right+32, ly, colour, dash)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11">%s</text>`+"\n", w-right+38, ly+4, esc(l.Name))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// Bar is one bar of a bar chart.
type Bar struct {
	Group, Name string
	Value       float64
	Label       string
}

// BarChart draws horizontal bars on a logarithmic axis, because the costs
// it compares differ by orders of magnitude.
func BarChart(title, unitLabel string, bars []Bar) string {
	const w, left, right, top, barH, gap = 640, 190, 110, 40, 18, 6
	h := top + len(bars)*(barH+gap) + 60
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, bar := range bars {
		if bar.Value > 0 {
			lo, hi = math.Min(lo, bar.Value), math.Max(hi, bar.Value)
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 1, 10
	}
	lmin, lmax := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if lmax == lmin {
		lmax++
	}
	pw := float64(w - left - right)
	xAt := func(v float64) float64 { return left + pw*(math.Log10(v)-lmin)/(lmax-lmin) }

	var b strings.Builder
	svgOpen(&b, w, h, title)
	bottom := top + len(bars)*(barH+gap)
	for e := lmin; e <= lmax; e++ {
		x := xAt(math.Pow(10, e))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", x, top, x, bottom)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="11">1e%d</text>`+"\n", x, bottom+14, int(e))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="12">%s (log scale)</text>`+"\n", left+pw/2, bottom+34, esc(unitLabel))
	groups := map[string]int{}
	for i, bar := range bars {
		if _, ok := groups[bar.Group]; !ok {
			groups[bar.Group] = len(groups)
		}
		colour := palette[groups[bar.Group]%len(palette)]
		y := top + i*(barH+gap)
		width := 0.0
		if bar.Value > 0 {
			width = xAt(bar.Value) - left
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="11">%s</text>`+"\n", left-6, y+13, esc(bar.Group+": "+bar.Name))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", left, y, width, barH, colour)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="11">%s</text>`+"\n", float64(left)+width+4, y+13, esc(bar.Label))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func svgOpen(b *strings.Builder, w, h int, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif">`+"\n", w, h, w, h)
	fmt.Fprintf(b, `<rect width="%d" height="%d" fill="white"/>`+"\n", w, h)
	fmt.Fprintf(b, `<text x="%d" y="22" text-anchor="middle" font-size="14" font-weight="bold">%s</text>`+"\n", w/2, esc(title))
}

func tickStep(max float64) float64 {
	switch {
	case max <= 2:
		return 0.25
	case max <= 5:
		return 0.5
	case max <= 10:
		return 1
	}
	return math.Ceil(max / 10)
}

func esc(s string) string { return html.EscapeString(s) }
