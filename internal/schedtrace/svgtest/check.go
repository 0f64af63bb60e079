// The rules every schedule picture keeps, checked all at once so that a
// failing test names every broken rule, not only the first.

package svgtest

import (
	"errors"
	"fmt"
	"slices"
)

// slack absorbs the rounding of positions written to two decimals.
const slack = 0.011

// Check returns every way p breaks the rules of a schedule picture, joined
// into one error, or nil: each kind of lane has one legend row whose keys
// are exactly the states its slices show, each slice has its entry's fill,
// no two entries share a fill, every lane has slices, and every slice is
// at least minWidth wide and lies within the time axis.
func (p *Picture) Check(minWidth float64) error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf("svgtest: "+format, args...)) }
	if p.AxisTo <= p.AxisFrom {
		fail("no time axis")
	}
	if len(p.Lanes) == 0 {
		fail("no lanes")
	}
	fills := map[string]string{} // fill -> the key that has it
	kinds := map[string]bool{}
	for _, r := range p.Legend {
		if kinds[r.Lanes] {
			fail("two legend rows for %s lanes", r.Lanes)
		}
		kinds[r.Lanes] = true
		for _, e := range r.Entries {
			if other, dup := fills[e.Fill]; dup {
				fail("legend entries %q and %q share the fill %s", other, e.Key, e.Fill)
			}
			fills[e.Fill] = e.Key
		}
	}
	for _, kind := range laneKinds(p) {
		drawn, keys := p.Drawn(kind), p.Keys(kind)
		for _, s := range drawn {
			if !slices.Contains(keys, s) {
				fail("%s lanes show %q, which the legend does not name", kind, s)
			}
		}
		for i, k := range keys {
			if !slices.Contains(drawn, k) {
				fail("the legend names %q for %s lanes, which none shows", k, kind)
			}
			if slices.Contains(keys[:i], k) {
				fail("the legend names %q twice for %s lanes", k, kind)
			}
		}
	}
	for _, l := range p.Lanes {
		if len(l.Slices) == 0 {
			fail("%s lane %s has no slices: every moment of a lane shows something, if only idle", l.Kind, l.Name)
		}
		for i, s := range l.Slices {
			where := fmt.Sprintf("%s lane %s, slice %d (%s at x=%.2f)", l.Kind, l.Name, i, s.State, s.X)
			if s.Width < minWidth-slack {
				fail("%s: width %.2f is under the minimum %.2f", where, s.Width, minWidth)
			}
			if s.X < p.AxisFrom-slack || s.X+s.Width > p.AxisTo+slack {
				fail("%s: lies outside the axis [%.2f, %.2f]", where, p.AxisFrom, p.AxisTo)
			}
			if want, ok := p.fill(l.Kind, s.State); ok && want != s.Fill {
				fail("%s: filled %s, but the legend fills it %s", where, s.Fill, want)
			}
		}
	}
	return errors.Join(errs...)
}

// laneKinds lists the kinds of lane p has, in order.
func laneKinds(p *Picture) []string {
	var out []string
	for _, l := range p.Lanes {
		if !slices.Contains(out, l.Kind) {
			out = append(out, l.Kind)
		}
	}
	return out
}

// fill is the legend's fill for key on lanes of kind.
func (p *Picture) fill(kind, key string) (string, bool) {
	for _, r := range p.Legend {
		if r.Lanes != kind {
			continue
		}
		for _, e := range r.Entries {
			if e.Key == key {
				return e.Fill, true
			}
		}
	}
	return "", false
}
