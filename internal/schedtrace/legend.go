// The legend: one row for the P lanes and one for the goroutine lanes,
// each naming exactly what slices of those lanes show in this picture,
// no more. A state no goroutine was in is left out rather than explained.

package schedtrace

// legend draws both rows and returns the y below them.
func (d *drawing) legend(y float64) float64 {
	d.printf(`<g class="legend">` + "\n")
	var procOrder []string
	for _, g := range d.gs {
		procOrder = append(procOrder, g.Label)
	}
	procOrder = append(procOrder, KeyOthers, KeyIdle)
	y = d.legendRow(y, procLanes, "On a P", procOrder)

	var stateOrder []string
	for _, s := range states {
		stateOrder = append(stateOrder, s.key)
	}
	stateOrder = append(stateOrder, KeyNotAlive)
	y = d.legendRow(y, goroutineLanes, "Goroutine state", stateOrder)
	d.printf("</g>\n")
	return y
}

// legendRow draws, under title, the keys that lanes of kind lane use, in
// the order given, wrapping to a new line when the picture's width runs
// out, and returns the y below the row.
func (d *drawing) legendRow(y float64, lane, title string, order []string) float64 {
	fills := map[string]string{}
	for _, u := range d.used[lane] {
		fills[u.key] = u.fill
	}
	d.printf(`<g class="legend-row" data-lanes="%s">`+"\n", lane)
	d.printf(`<text class="legend-title" x="12" y="%.1f" font-size="12" font-weight="bold" fill="#212529">%s</text>`+"\n", y+11, esc(title))
	indent := 12 + 7.5*float64(len(title)) + 12
	x := indent
	for _, key := range order {
		fill, ok := fills[key]
		if !ok {
			continue
		}
		width := 19 + 7*float64(len(key)) + 18
		if x > indent && x+width > svgWidth-12 {
			x, y = indent, y+20
		}
		d.printf(`<rect class="swatch" data-state="%s" x="%.1f" y="%.1f" width="14" height="14" fill="%s" stroke="#868e96" stroke-width="0.5"/>`+"\n",
			esc(key), x, y, fill)
		d.printf(`<text class="legend-entry" x="%.1f" y="%.1f" font-size="12" fill="#212529">%s</text>`+"\n", x+19, y+11, esc(key))
		x += width
	}
	d.printf("</g>\n")
	return y + 22
}
