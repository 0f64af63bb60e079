package report_test

import (
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
)

// node is an SVG element, read with encoding/xml: the tests read the
// charts' structure (series, ticks, whiskers), never their pixels.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []node     `xml:",any"`
}

func parseSVG(t *testing.T, svg string) node {
	t.Helper()
	var root node
	require.NoError(t, xml.Unmarshal([]byte(svg), &root))
	require.Equal(t, "svg", root.XMLName.Local)
	return root
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) num(t *testing.T, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(n.attr(name), 64)
	require.NoError(t, err, "%s=%q", name, n.attr(name))
	return v
}

// all lists, in document order, every element under n of the class.
func (n node) all(class string) []node {
	var out []node
	for _, k := range n.Kids {
		if k.attr("class") == class {
			out = append(out, k)
		}
		out = append(out, k.all(class)...)
	}
	return out
}

func (n node) title() string {
	for _, k := range n.Kids {
		if k.XMLName.Local == "title" {
			return k.Text
		}
	}
	return ""
}

func texts(ns []node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text)
	}
	return out
}

// numbers reads the coordinates of a path's d attribute.
var numbers = regexp.MustCompile(`-?[0-9.]+`)

func coords(t *testing.T, d string) []float64 {
	t.Helper()
	var out []float64
	for _, s := range numbers.FindAllString(d, -1) {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		out = append(out, v)
	}
	return out
}

// centre is where a marker sits: a circle's centre, or the mean of a
// path's vertices.
func centre(t *testing.T, n node) (float64, float64) {
	if n.XMLName.Local == "circle" {
		return n.num(t, "cx"), n.num(t, "cy")
	}
	c := coords(t, n.attr("d"))
	var x, y float64
	for i := 0; i+1 < len(c); i += 2 {
		x, y = x+c[i], y+c[i+1]
	}
	return x / float64(len(c)/2), y / float64(len(c)/2)
}

// shape tells markers apart by their form, wherever they sit.
func shape(t *testing.T, n node) string {
	if n.XMLName.Local == "circle" {
		return "circle"
	}
	x, y := centre(t, n)
	c := coords(t, n.attr("d"))
	var s []string
	for i := 0; i+1 < len(c); i += 2 {
		s = append(s, fmt.Sprintf("%.0f,%.0f", c[i]-x, c[i+1]-y))
	}
	return strings.Join(s, " ")
}

func TestSpeedupChartDrawsEveryModelAboveTheIdealLine(t *testing.T) {
	svg := parseSVG(t, report.Charts(crossModel(t))["speedup.svg"])
	assert.Equal(t, []string{"1", "2", "4"}, texts(svg.all("tick-x")))
	assert.Equal(t, "0", svg.all("tick-y")[0].Text)

	var order []string // the reference and the series, in drawing order
	for _, k := range svg.Kids {
		if c := k.attr("class"); c == "reference" || c == "series" {
			order = append(order, c+" "+k.title())
		}
	}
	assert.Equal(t, []string{"reference ideal on 2 cores", "series serial", "series goroutines", "series workerPool",
		"series processPool", "series eventLoop", "series eventLoopExecutor"}, order,
		"the ideal is drawn first, so that it hides no series")
	shapes := map[string]string{}
	for _, s := range svg.all("series") {
		points, spreads := s.all("point"), s.all("spread")
		assert.Len(t, points, 3, s.title())
		assert.Len(t, spreads, 3, "%s: a whisker for every point", s.title())
		shp := shape(t, points[0])
		assert.NotContains(t, shapes, shp, "%s has the marker of %s", s.title(), shapes[shp])
		shapes[shp] = s.title()
	}
	assert.Len(t, svg.all("note"), 3, "the legend says how to read the whiskers and the offsets")
}

// Two series with the same values still show both: each is set a little
// apart sideways, and every whisker stands on its own point.
func TestLineChartKeepsCoincidingSeriesApart(t *testing.T) {
	same := report.Line{Name: "a", Y: []float64{1, 2}, Lo: []float64{0.9, 1.8}, Hi: []float64{1.1, 2.2}}
	twin := same
	twin.Name = "b"
	svg := parseSVG(t, report.LineChart("t", "x", "y", []int{1, 2}, []report.Line{same, twin}))
	series := svg.all("series")
	require.Len(t, series, 2)
	for i := range 2 {
		xa, ya := centre(t, series[0].all("point")[i])
		xb, yb := centre(t, series[1].all("point")[i])
		assert.InDelta(t, ya, yb, 0.5, "same value, same height")
		assert.Greater(t, math.Abs(xa-xb), 3.0, "but not the same place")
		for _, s := range series {
			x, _ := centre(t, s.all("point")[i])
			spread := coords(t, s.all("spread")[i].attr("d"))
			assert.InDelta(t, x, spread[0]+3, 0.2, "the whisker stands on its point")
		}
	}
}

// checkBars holds every bar of a chart to its whisker and its label, and
// returns the chart's tick labels.
func checkBars(t *testing.T, svg node, labelUnit *regexp.Regexp) []string {
	t.Helper()
	bars := svg.all("bar")
	require.NotEmpty(t, bars)
	for _, b := range bars {
		rects, spreads, labels := b.all("value"), b.all("spread"), b.all("label")
		require.Len(t, rects, 1, b.title())
		require.Len(t, spreads, 1, "%s: one whisker per bar", b.title())
		require.Len(t, labels, 1, b.title())
		end := rects[0].num(t, "x") + rects[0].num(t, "width")
		c := coords(t, spreads[0].attr("d")) // M lo,y v8 m0,-4 H hi m0,-4 v8
		assert.LessOrEqual(t, c[0], end+0.2, "%s: the lowest sample is not above the median", b.title())
		assert.GreaterOrEqual(t, c[5], end-0.2, "%s: the highest sample is not below the median", b.title())
		assert.Regexp(t, labelUnit, labels[0].Text, b.title())
	}
	return texts(svg.all("tick"))
}

func TestCostsChartReadsInTimeUnits(t *testing.T) {
	svg := parseSVG(t, report.Charts(crossModel(t))["costs.svg"])
	assert.Equal(t, []string{"start+join", "round trip"}, texts(svg.all("group")))
	assert.Len(t, svg.all("bar"), 5+10, "five ways to start, ten to pass a message")
	time := regexp.MustCompile(`^[0-9.]+ (ns|µs|ms|s)$`)
	ticks := checkBars(t, svg, time)
	assert.Equal(t, []string{"100 ns", "1 µs", "10 µs", "100 µs", "1 ms", "10 ms"}, ticks)
	assert.Contains(t, texts(svg.all("name")), "binTrue (the floor)")
}

func TestMemoryChartReadsInBinaryUnits(t *testing.T) {
	svg := parseSVG(t, report.Charts(crossModel(t))["memory.svg"])
	assert.Equal(t, []string{"goroutine", "loopTask", "osThread", "process"}, texts(svg.all("name")))
	ticks := checkBars(t, svg, regexp.MustCompile(`^[0-9.]+ (B|KiB|MiB)$`))
	assert.Equal(t, []string{"1 KiB", "10 KiB", "100 KiB", "1 MiB", "10 MiB"}, ticks)
}

func TestMixedChartGroupsArchitecturesByMix(t *testing.T) {
	svg := parseSVG(t, report.Charts(crossModel(t))["mixed.svg"])
	assert.Equal(t, []string{"mostlyIO", "balanced", "mostlyCPU"}, texts(svg.all("group")))
	assert.Len(t, svg.all("bar"), 3*8)
	ticks := checkBars(t, svg, regexp.MustCompile(`^[0-9.]+x$`))
	assert.Equal(t, []string{"0.5x", "1x", "2x", "5x", "10x", "20x", "50x"}, ticks)
	colours := map[string]string{}
	for _, b := range svg.all("bar") {
		name, fill := b.all("name")[0].Text, b.all("value")[0].attr("fill")
		if c, ok := colours[name]; ok {
			assert.Equal(t, c, fill, "%s keeps its colour in every mix", name)
		}
		colours[name] = fill
	}
	assert.Len(t, colours, 8)
}

func TestBarChartWithoutSpreadOrValuesStillDraws(t *testing.T) {
	svg := parseSVG(t, report.BarChart("t", "axis", "sec/op", []report.Bar{{Name: "a", Value: 2e-6, Label: "2 µs"}}))
	assert.Len(t, svg.all("bar"), 1)
	assert.Empty(t, svg.all("spread"), "no spread was given")
	assert.Equal(t, []string{"1 µs", "10 µs"}, texts(svg.all("tick")))
	empty := parseSVG(t, report.BarChart("t", "axis", "speedup", nil))
	assert.Empty(t, empty.all("bar"))
	assert.NotEmpty(t, empty.all("tick"))
}
