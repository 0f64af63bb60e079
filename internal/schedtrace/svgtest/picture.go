// Reading a picture. Draw marks what a reader needs: lanes are <g
// class="lane KIND" data-name="NAME">, each slice of a lane and each
// legend swatch is a <rect data-state="KEY">, the legend's rows are <g
// class="legend-row" data-lanes="KIND">, and the axis's baseline is a
// <line class="baseline"> from the plot's left edge to its right.

package svgtest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/concurrency-atlas/atlas/internal/schedtrace"
)

// Picture is what a schedule picture says about itself.
type Picture struct {
	Title   string // the text of the title line
	Caption string // the caption, its lines joined by single spaces
	Lanes   []Lane
	Legend  []Row
	// AxisFrom and AxisTo are where the time axis starts and ends; AxisTo
	// is zero when the picture has no axis.
	AxisFrom, AxisTo float64
}

// Lane is one P or one goroutine.
type Lane struct {
	Kind   string // "proc" or "goroutine"
	Name   string // "P0", or the goroutine's label
	Slices []Slice
}

// Slice is one rect of a lane: what it stands for, its fill and where it
// lies.
type Slice struct {
	State    string
	Fill     string
	X, Width float64
}

// Row is the legend's row for one kind of lane.
type Row struct {
	Lanes   string
	Entries []Entry
}

// Entry is one swatch of the legend and its key.
type Entry struct{ Key, Fill string }

// Read parses svg. Malformed XML, a slice or swatch without a number
// where its position should be, or a lane inside a lane is an error.
func Read(svg []byte) (*Picture, error) {
	p := &Picture{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var groups []string // class of each open <g>
	text := "-"         // class of the open <text>, or "-" outside one
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("svgtest: not well-formed XML: %w", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if err := p.start(el, groups); err != nil {
				return nil, err
			}
			switch el.Name.Local {
			case "g":
				groups = append(groups, attr(el, "class"))
			case "text":
				text = attr(el, "class")
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "g":
				groups = groups[:len(groups)-1]
			case "text":
				text = "-"
			}
		case xml.CharData:
			switch {
			case text == "title" && len(groups) == 0:
				p.Title = string(el)
			case text != "-" && len(groups) > 0 && groups[len(groups)-1] == "caption":
				p.Caption += string(el) + " "
			}
		}
	}
	p.Caption = strings.TrimSpace(p.Caption)
	return p, nil
}

// Draw draws tl as sc's picture with schedtrace.Draw and reads it back.
func Draw(sc schedtrace.Scenario, tl *schedtrace.Timeline) (*Picture, error) {
	var buf bytes.Buffer
	if err := schedtrace.Draw(&buf, sc, tl); err != nil {
		return nil, err
	}
	return Read(buf.Bytes())
}

// start takes in one opening tag, inside the groups given.
func (p *Picture) start(el xml.StartElement, groups []string) error {
	inner := ""
	if len(groups) > 0 {
		inner = groups[len(groups)-1]
	}
	switch {
	case el.Name.Local == "g" && strings.HasPrefix(attr(el, "class"), "lane "):
		if strings.HasPrefix(inner, "lane ") {
			return errors.New("svgtest: a lane inside a lane")
		}
		p.Lanes = append(p.Lanes, Lane{Kind: strings.TrimPrefix(attr(el, "class"), "lane "), Name: attr(el, "data-name")})
	case el.Name.Local == "g" && attr(el, "class") == "legend-row":
		p.Legend = append(p.Legend, Row{Lanes: attr(el, "data-lanes")})
	case el.Name.Local == "line" && attr(el, "class") == "baseline":
		from, err1 := number(el, "x1")
		to, err2 := number(el, "x2")
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		p.AxisFrom, p.AxisTo = from, to
	case el.Name.Local == "rect" && hasAttr(el, "data-state"):
		switch {
		case strings.HasPrefix(inner, "lane ") && len(p.Lanes) > 0:
			x, err1 := number(el, "x")
			w, err2 := number(el, "width")
			if err := errors.Join(err1, err2); err != nil {
				return err
			}
			l := &p.Lanes[len(p.Lanes)-1]
			l.Slices = append(l.Slices, Slice{State: attr(el, "data-state"), Fill: attr(el, "fill"), X: x, Width: w})
		case inner == "legend-row" && len(p.Legend) > 0:
			r := &p.Legend[len(p.Legend)-1]
			r.Entries = append(r.Entries, Entry{Key: attr(el, "data-state"), Fill: attr(el, "fill")})
		}
	}
	return nil
}

// Lane returns the lane of that kind and name, or nil.
func (p *Picture) Lane(kind, name string) *Lane {
	for i := range p.Lanes {
		if p.Lanes[i].Kind == kind && p.Lanes[i].Name == name {
			return &p.Lanes[i]
		}
	}
	return nil
}

// Drawn lists, once each in order of first appearance, the states the
// slices of lanes of kind show.
func (p *Picture) Drawn(kind string) []string {
	var out []string
	for _, l := range p.Lanes {
		if l.Kind != kind {
			continue
		}
		for _, s := range l.Drawn() {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// Drawn lists, once each in order of first appearance, the states the
// lane's slices show.
func (l *Lane) Drawn() []string {
	var out []string
	for _, s := range l.Slices {
		if !slices.Contains(out, s.State) {
			out = append(out, s.State)
		}
	}
	return out
}

// Keys lists the legend's keys for lanes of kind, in the legend's order.
func (p *Picture) Keys(kind string) []string {
	var out []string
	for _, r := range p.Legend {
		if r.Lanes == kind {
			for _, e := range r.Entries {
				out = append(out, e.Key)
			}
		}
	}
	return out
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func hasAttr(el xml.StartElement, name string) bool {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return true
		}
	}
	return false
}

func number(el xml.StartElement, name string) (float64, error) {
	v, err := strconv.ParseFloat(attr(el, name), 64)
	if err != nil {
		return 0, fmt.Errorf("svgtest: <%s> has no number in %s: %w", el.Name.Local, name, err)
	}
	return v, nil
}
