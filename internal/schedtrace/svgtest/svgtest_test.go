package svgtest_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/internal/schedtrace"
	"github.com/concurrency-atlas/atlas/internal/schedtrace/svgtest"
)

func TestMain(m *testing.M) { scene.Main(m) }

// picture writes a small picture in Draw's conventions: one P lane and one
// goroutine lane, each slice given as "state fill x width", and the legend
// rows given the same way as "key fill".
func picture(proc, goroutine, procKeys, goroutineKeys []string) []byte {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg"><text class="title">A title</text>`)
	lane := func(kind, name string, slices []string) {
		fmt.Fprintf(&b, `<g class="lane %s" data-name="%s"><text>%s</text>`, kind, name, name)
		for _, s := range slices {
			f := strings.Fields(s)
			fmt.Fprintf(&b, `<rect data-state="%s" fill="%s" x="%s" width="%s"><title>tip</title></rect>`, f[0], f[1], f[2], f[3])
		}
		b.WriteString(`<rect class="frame" x="100" width="800" fill="none"/></g>`)
	}
	lane("proc", "P0", proc)
	lane("goroutine", "worker", goroutine)
	b.WriteString(`<g class="axis"><line class="baseline" x1="100" x2="900"/></g><g class="legend">`)
	row := func(kind string, keys []string) {
		fmt.Fprintf(&b, `<g class="legend-row" data-lanes="%s"><text class="legend-title">t</text>`, kind)
		for _, k := range keys {
			f := strings.Fields(k)
			fmt.Fprintf(&b, `<rect class="swatch" data-state="%s" fill="%s"/><text>%s</text>`, f[0], f[1], f[0])
		}
		b.WriteString(`</g>`)
	}
	row("proc", procKeys)
	row("goroutine", goroutineKeys)
	b.WriteString(`</g><g class="caption"><text>first line</text><text>second</text></g></svg>`)
	return []byte(b.String())
}

var (
	goodProc      = []string{"worker #111 100 500", "idle #eee 600 300"}
	goodGoroutine = []string{"running #0f0 100 500", "waiting #00f 600 2"}
	goodProcKeys  = []string{"worker #111", "idle #eee"}
	goodGorKeys   = []string{"running #0f0", "waiting #00f"}
)

func TestReadFindsEveryPart(t *testing.T) {
	p, err := svgtest.Read(picture(goodProc, goodGoroutine, goodProcKeys, goodGorKeys))
	require.NoError(t, err)
	assert.Equal(t, "A title", p.Title)
	assert.Equal(t, "first line second", p.Caption)
	assert.Equal(t, 100.0, p.AxisFrom)
	assert.Equal(t, 900.0, p.AxisTo)
	require.Len(t, p.Lanes, 2)
	assert.Equal(t, []svgtest.Slice{{State: "running", Fill: "#0f0", X: 100, Width: 500}, {State: "waiting", Fill: "#00f", X: 600, Width: 2}},
		p.Lane("goroutine", "worker").Slices, "the frame is not a slice")
	assert.Nil(t, p.Lane("goroutine", "P0"))
	assert.Equal(t, []string{"worker", "idle"}, p.Drawn("proc"))
	assert.Equal(t, []string{"running", "waiting"}, p.Keys("goroutine"))
	assert.NoError(t, p.Check(2))
}

// Each broken rule is reported, by what it broke.
func TestCheckReportsEachBrokenRule(t *testing.T) {
	tests := []struct {
		name                  string
		proc, gor, pKeys, gKs []string
		want                  string
	}{
		{"a state the legend leaves out", goodProc, append([]string{"syscall #f0f 700 5"}, goodGoroutine...), goodProcKeys, goodGorKeys,
			`goroutine lanes show "syscall", which the legend does not name`},
		{"a legend entry nothing shows", goodProc, goodGoroutine, goodProcKeys, append([]string{"runnable #fa0"}, goodGorKeys...),
			`the legend names "runnable" for goroutine lanes, which none shows`},
		{"a slice too thin", goodProc, []string{"running #0f0 100 500", "waiting #00f 600 0.6"}, goodProcKeys, goodGorKeys,
			"width 0.60 is under the minimum 2.00"},
		{"a slice off the axis", []string{"worker #111 899 5", "idle #eee 100 300"}, goodGoroutine, goodProcKeys, goodGorKeys,
			"lies outside the axis"},
		{"a slice filled unlike its entry", goodProc, []string{"running #0f0 100 500", "waiting #123 600 2"}, goodProcKeys, goodGorKeys,
			"filled #123, but the legend fills it #00f"},
		{"two entries with one fill", goodProc, goodGoroutine, []string{"worker #111", "idle #0f0"}, goodGorKeys,
			`share the fill #0f0`},
		{"a lane with nothing in it", []string{}, goodGoroutine, []string{}, goodGorKeys,
			"proc lane P0 has no slices"},
		{"one entry twice", goodProc, goodGoroutine, append([]string{"idle #eee"}, goodProcKeys...), goodGorKeys,
			`the legend names "idle" twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := svgtest.Read(picture(tt.proc, tt.gor, tt.pKeys, tt.gKs))
			require.NoError(t, err)
			err = p.Check(2)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestCheckWantsAnAxis(t *testing.T) {
	svg := strings.Replace(string(picture(goodProc, goodGoroutine, goodProcKeys, goodGorKeys)), `class="baseline"`, `class="other"`, 1)
	p, err := svgtest.Read([]byte(svg))
	require.NoError(t, err)
	assert.ErrorContains(t, p.Check(2), "no time axis")
}

func TestCheckWantsLanes(t *testing.T) {
	p, err := svgtest.Read([]byte(`<svg><g class="axis"><line class="baseline" x1="1" x2="9"/></g></svg>`))
	require.NoError(t, err)
	assert.EqualError(t, p.Check(2), "svgtest: no lanes")
}

// Draw hands on Draw's refusal, and reads back what Draw wrote.
func TestDrawReadsBackWhatWasDrawn(t *testing.T) {
	_, err := svgtest.Draw(schedtrace.Scenario{Title: "t"}, nil)
	assert.Error(t, err)

	tl := &schedtrace.Timeline{
		Procs:      []int64{0},
		Goroutines: []schedtrace.Goroutine{{ID: 1, Label: "g"}},
		Spans:      []schedtrace.Span{{G: 1, Label: "g", State: schedtrace.Running, P: 0, Start: 0, End: time.Millisecond}},
		End:        2 * time.Millisecond,
	}
	p, err := svgtest.Draw(schedtrace.Scenario{Title: "one goroutine", Caption: "c"}, tl)
	require.NoError(t, err)
	assert.Equal(t, "one goroutine", p.Title)
	assert.Equal(t, []string{"running", schedtrace.KeyNotAlive}, p.Keys("goroutine"))
	assert.NoError(t, p.Check(schedtrace.MinSliceWidth))
}

func TestReadRejectsWhatIsNotAPicture(t *testing.T) {
	for name, svg := range map[string]string{
		"not XML":          `<svg><g class="lane proc">`,
		"no number":        `<svg><g class="lane proc" data-name="P0"><rect data-state="idle" x="left" width="3"/></g></svg>`,
		"lane inside lane": `<svg><g class="lane proc"><g class="lane goroutine"></g></g></svg>`,
		"axis without end": `<svg><line class="baseline" x1="1"/></svg>`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := svgtest.Read([]byte(svg))
			assert.Error(t, err)
		})
	}
}
