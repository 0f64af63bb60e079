// What the report's charts share: they are plain SVG written by hand, so
// that GitHub shows them as images (no script, no external font, only the
// generic sans-serif) and no plotting program is needed. Ticks on a log
// axis read in the unit of the values, as the labels beside the bars do:
// 10 ns, 1 µs, 1 ms for times, 1 KiB, 1 MiB for sizes, 2x for speedups.

package report

import (
	"fmt"
	"html"
	"math"
	"strings"
)

var palette = []string{"#1b6ca8", "#d1495b", "#edae49", "#3d9970", "#6a4c93", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"}

func svgOpen(b *strings.Builder, w, h int, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif">`+"\n", w, h, w, h)
	fmt.Fprintf(b, `<rect width="%d" height="%d" fill="white"/>`+"\n", w, h)
	fmt.Fprintf(b, `<text class="title" x="%d" y="22" text-anchor="middle" font-size="14" font-weight="bold">%s</text>`+"\n", w/2, esc(title))
}

func esc(s string) string { return html.EscapeString(s) }

// marker draws a marker of series s centred on (x, y): each series has a
// shape of its own as well as a colour, so that series that meet stay
// apart even to a reader who cannot tell the colours apart.
func marker(s int, x, y float64, colour string) string {
	const r, a = 4.5, 1.6 // the shape's reach, and half a plus sign's arm
	var pts [][2]float64
	switch s % 7 {
	case 0: // circle
		return fmt.Sprintf(`<circle class="point" cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="white" stroke-width="1"/>`, x, y, r-0.5, colour)
	case 1: // square
		pts = [][2]float64{{-r + 1, -r + 1}, {r - 1, -r + 1}, {r - 1, r - 1}, {-r + 1, r - 1}}
	case 2: // triangle, point up
		pts = [][2]float64{{0, -r}, {r, r - 1}, {-r, r - 1}}
	case 3: // diamond
		pts = [][2]float64{{0, -r}, {r, 0}, {0, r}, {-r, 0}}
	case 4: // triangle, point down
		pts = [][2]float64{{0, r}, {r, -r + 1}, {-r, -r + 1}}
	case 5: // plus
		pts = [][2]float64{{-a, -r}, {a, -r}, {a, -a}, {r, -a}, {r, a}, {a, a}, {a, r}, {-a, r}, {-a, a}, {-r, a}, {-r, -a}, {-a, -a}}
	default: // hexagon
		for k := range 6 {
			angle := math.Pi / 3 * float64(k)
			pts = append(pts, [2]float64{r * math.Cos(angle), r * math.Sin(angle)})
		}
	}
	var d []string
	for _, p := range pts {
		d = append(d, fmt.Sprintf("%.1f,%.1f", x+p[0], y+p[1]))
	}
	return fmt.Sprintf(`<path class="point" d="M%s Z" fill="%s" stroke="white" stroke-width="1"/>`, strings.Join(d, " L"), colour)
}

// tick is one labelled value on an axis.
type tick struct {
	v     float64
	label string
}

// linearTicks are evenly spaced ticks from 0 to max.
func linearTicks(max float64) []tick {
	step := 0.25
	switch {
	case max > 10:
		step = math.Ceil(max / 10)
	case max > 5:
		step = 1
	case max > 2:
		step = 0.5
	}
	var ts []tick
	for i := 0; float64(i)*step <= max+1e-9; i++ {
		v := float64(i) * step
		ts = append(ts, tick{v, fmt.Sprintf("%g", v)})
	}
	return ts
}

// logTicks are the ticks of a log axis that covers lo to hi (both
// positive) in the values' unit: decades of seconds or of bytes under
// their prefixes, and 1-2-5 steps for speedups and other ratios.
func logTicks(lo, hi float64, unit string) []tick {
	var all []tick
	switch axisKind(unit) {
	case "time":
		for e := -10; e <= 3; e++ {
			v := math.Pow(10, float64(e))
			all = append(all, tick{v, scaledLabel(v, []float64{1e-9, 1e-6, 1e-3, 1}, []string{"ns", "µs", "ms", "s"})})
		}
	case "bytes":
		for p := range 5 {
			for _, m := range []float64{1, 10, 100} {
				v := m * math.Pow(1024, float64(p))
				all = append(all, tick{v, scaledLabel(v, []float64{1, 1 << 10, 1 << 20, 1 << 30, 1 << 40}, []string{"B", "KiB", "MiB", "GiB", "TiB"})})
			}
		}
	default:
		suffix := ""
		if unit == "speedup" {
			suffix = "x"
		}
		for e := -3; e <= 5; e++ {
			for _, m := range []float64{1, 2, 5} {
				v := m * math.Pow(10, float64(e))
				all = append(all, tick{v, fmt.Sprintf("%g%s", round3(v), suffix)})
			}
		}
	}
	first, last := 0, len(all)-1
	for i, t := range all {
		if t.v <= lo*(1+1e-9) {
			first = i
		}
	}
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].v >= hi*(1-1e-9) {
			last = i
		}
	}
	if last <= first {
		last = min(first+1, len(all)-1)
		first = last - 1
	}
	return all[first : last+1]
}

// axisKind says whether unit measures time, bytes, or something else.
func axisKind(unit string) string {
	_, tidied := tidy(1, unit)
	quantity, _, _ := strings.Cut(tidied, "/")
	switch quantity {
	case "sec":
		return "time"
	case "B", "bytes":
		return "bytes"
	}
	return "other"
}

// scaledLabel prints v under the largest of the scales it reaches.
func scaledLabel(v float64, scales []float64, names []string) string {
	i := 0
	for j, s := range scales {
		if v >= s*(1-1e-9) {
			i = j
		}
	}
	return fmt.Sprintf("%g %s", round3(v/scales[i]), names[i])
}

// round3 rounds to three significant digits, so that 1e-7/1e-9 prints as
// 100 and not 99.99999999999999.
func round3(v float64) float64 {
	if v == 0 {
		return 0
	}
	k := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*k) / k
}
