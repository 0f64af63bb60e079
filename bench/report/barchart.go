// The bar chart: horizontal bars on a log axis, since the values it
// compares differ by orders of magnitude, each with a whisker from its
// lowest to its highest sample. Bars come in groups, each under a
// heading; when the same names recur in every group (the architectures
// of each mix), a name keeps its colour across groups, and otherwise
// each group has a colour of its own. Every bar is labelled with its
// name, so no legend is needed.

package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Bar is one bar of a bar chart.
type Bar struct {
	Group, Name string
	Value       float64 // the median
	Lo, Hi      float64 // the spread, drawn as a whisker; Lo = Hi = 0 for none
	Label       string  // what the bar says beside it
}

// BarChart draws bars on a log axis titled axis, whose ticks read in
// unit, the unit of the values ("sec/op", "B/waiter", "speedup").
func BarChart(title, axis, unit string, bars []Bar) string {
	const w, left, right, top, barH, gap, headH = 680, 200, 110, 40, 16, 6, 20
	var groups []string
	names := map[string][]string{} // name -> the groups it is in
	for _, bar := range bars {
		if !slices.Contains(groups, bar.Group) {
			groups = append(groups, bar.Group)
		}
		names[bar.Name] = append(names[bar.Name], bar.Group)
	}
	byName := len(groups) > 1
	var nameOrder []string
	for _, bar := range bars {
		byName = byName && len(names[bar.Name]) > 1
		if !slices.Contains(nameOrder, bar.Name) {
			nameOrder = append(nameOrder, bar.Name)
		}
	}

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, bar := range bars {
		for _, v := range []float64{bar.Value, bar.Lo, bar.Hi} {
			if v > 0 {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 1, 10
	}
	ticks := logTicks(lo, hi, unit)
	lmin, lmax := math.Log10(ticks[0].v), math.Log10(ticks[len(ticks)-1].v)
	pw := float64(w - left - right)
	xAt := func(v float64) float64 { return left + pw*(math.Log10(v)-lmin)/(lmax-lmin) }

	heads := 0
	for _, g := range groups {
		if g != "" {
			heads++
		}
	}
	bottom := top + heads*headH + len(bars)*(barH+gap)
	h := bottom + 62

	var b strings.Builder
	svgOpen(&b, w, h, title)
	b.WriteString(`<g class="axes">` + "\n")
	for _, t := range ticks {
		x := xAt(t.v)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#e4e4e4"/>`+"\n", x, top, x, bottom)
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle" font-size="11">%s</text>`+"\n", x, bottom+14, esc(t.label))
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", left, bottom, w-right, bottom)
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="12">%s (log scale)</text>`+"\n", left+pw/2, bottom+32, esc(axis))
	b.WriteString("</g>\n")

	y := top
	for gi, g := range groups {
		if g != "" {
			fmt.Fprintf(&b, `<text class="group" x="8" y="%d" font-size="12" font-weight="bold">%s</text>`+"\n", y+14, esc(g))
			y += headH
		}
		for _, bar := range bars {
			if bar.Group != g {
				continue
			}
			colour := palette[gi%len(palette)]
			if byName {
				colour = palette[slices.Index(nameOrder, bar.Name)%len(palette)]
			}
			width, end := 0.0, float64(left)
			if bar.Value > 0 {
				width = xAt(bar.Value) - left
				end = xAt(bar.Value)
			}
			fmt.Fprintf(&b, `<g class="bar"><title>%s</title>`+"\n", esc(strings.TrimPrefix(g+": ", ": ")+bar.Name+": "+bar.Label))
			fmt.Fprintf(&b, `<text class="name" x="%d" y="%d" text-anchor="end" font-size="11">%s</text>`+"\n", left-6, y+12, esc(bar.Name))
			fmt.Fprintf(&b, `<rect class="value" x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", left, y, width, barH, colour)
			if bar.Lo > 0 && bar.Hi > 0 {
				x1, x2, cy := xAt(bar.Lo), xAt(bar.Hi), float64(y)+barH/2
				fmt.Fprintf(&b, `<path class="spread" d="M%.1f,%.1f v8 m0,-4 H%.1f m0,-4 v8" stroke="#222" stroke-width="1.2" fill="none"/>`+"\n", x1, cy-4, x2)
				end = math.Max(end, x2)
			}
			fmt.Fprintf(&b, `<text class="label" x="%.1f" y="%d" font-size="11">%s</text>`+"\n", end+5, y+12, esc(bar.Label))
			b.WriteString("</g>\n")
			y += barH + gap
		}
	}
	fmt.Fprintf(&b, `<text class="note" x="%d" y="%d" text-anchor="end" font-size="10" fill="#555">whiskers: lowest to highest sample</text>`+"\n", w-8, bottom+52)
	b.WriteString("</svg>\n")
	return b.String()
}
