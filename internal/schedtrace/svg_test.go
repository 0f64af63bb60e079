package schedtrace

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// svgFacts is what a test can check in a picture without looking at it.
type svgFacts struct {
	procLanes, goroutineLanes int
	laneNames                 []string
	legend                    []string
	caption, title            string
	hasAxis                   bool
}

// readSVG parses the picture as XML and collects its structure. Any
// malformed XML fails here.
func readSVG(t *testing.T, svg []byte) svgFacts {
	t.Helper()
	var f svgFacts
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var groups []string // class of each open <g>
	var inText, inTitle bool
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the SVG is not well-formed XML")
		switch el := tok.(type) {
		case xml.StartElement:
			class := attr(el, "class")
			if el.Name.Local == "g" {
				groups = append(groups, class)
				switch class {
				case "lane proc":
					f.procLanes++
					f.laneNames = append(f.laneNames, attr(el, "data-name"))
				case "lane goroutine":
					f.goroutineLanes++
					f.laneNames = append(f.laneNames, attr(el, "data-name"))
				case "axis":
					f.hasAxis = true
				}
			}
			inText = el.Name.Local == "text"
			inTitle = inText && class == "title"
		case xml.EndElement:
			if el.Name.Local == "g" {
				groups = groups[:len(groups)-1]
			}
			inText, inTitle = false, false
		case xml.CharData:
			if !inText {
				continue
			}
			if len(groups) == 0 {
				if inTitle {
					f.title = string(el)
				}
				continue
			}
			switch groups[len(groups)-1] {
			case "legend":
				f.legend = append(f.legend, string(el))
			case "caption":
				f.caption += string(el) + " "
			}
		}
	}
	f.caption = strings.TrimSpace(f.caption)
	return f
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// Every registered scenario draws as well-formed SVG with one lane per P,
// one per scenario goroutine, an axis, a legend and its caption.
func TestSVGIsWellFormed(t *testing.T) {
	for _, sc := range Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			tl := record(t, sc)
			var buf bytes.Buffer
			require.NoError(t, Draw(&buf, sc, tl))
			f := readSVG(t, buf.Bytes())

			assert.Equal(t, sc.Procs, f.procLanes, "one lane per P")
			assert.Equal(t, len(tl.Goroutines), f.goroutineLanes, "one lane per goroutine")
			assert.True(t, f.hasAxis, "no time axis")
			assert.Subset(t, f.legend, []string{"running", "runnable", "waiting", "syscall", "idle"})
			assert.Subset(t, f.legend, labels(tl), "every goroutine has a colour in the legend")
			assert.Equal(t, strings.Join(strings.Fields(sc.Caption), " "), f.caption)
			assert.Equal(t, sc.Title, f.title)
		})
	}
}

// Labels and titles are text from the caller; they must not break the XML.
func TestSVGEscapesText(t *testing.T) {
	sc := Scenario{Name: "escape", Title: `<b>"A" & 'B'</b>`, Caption: "x < y && z > w", Procs: 1}
	tl := &Timeline{
		Procs:      []int64{0},
		Goroutines: []Goroutine{{ID: 7, Label: `<g id="x">&`}},
		Spans: []Span{
			{G: 7, Label: `<g id="x">&`, State: Running, P: 0, Start: 0, End: 2 * time.Millisecond},
			{G: 7, Label: `<g id="x">&`, State: Waiting, Reason: "<chan> & co", P: -1, Start: 2 * time.Millisecond, End: 9 * time.Millisecond},
		},
		End: 10 * time.Millisecond,
	}
	var buf bytes.Buffer
	require.NoError(t, Draw(&buf, sc, tl))
	f := readSVG(t, buf.Bytes())
	assert.Equal(t, sc.Title, f.title)
	assert.Equal(t, sc.Caption, f.caption)
	assert.Equal(t, []string{"P0", `<g id="x">&`}, f.laneNames)
}
