// Naming the goroutines of a scenario. Most are started with Stage.Go or
// call Stage.Label, and so write their own name into the trace. A
// library's own goroutines cannot: a process pool starts a reader for each
// worker's pipe deep inside pool.New. A scenario adopts those by the
// function they start in, which the trace records when each is created.

package schedtrace

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/exp/trace"
)

// ErrInvalidScenario is wrapped by every error about a scenario or an
// Adopt rule that cannot be run as given.
var ErrInvalidScenario = errors.New("schedtrace: invalid scenario")

// Adopt gives a lane to each goroutine that starts in one function.
type Adopt struct {
	// Func is matched as a suffix of the full name of the function the
	// goroutine starts in, as StoppedIn matches: "pool.(*Pool).collect".
	Func string
	// Label names the lane. When several goroutines match, they are
	// numbered in the order they were created: "reader 1", "reader 2".
	Label string
}

func validAdopt(rules []Adopt) error {
	for _, a := range rules {
		if a.Func == "" || a.Label == "" {
			return fmt.Errorf("%w: an Adopt rule needs both Func and Label, got %+v", ErrInvalidScenario, a)
		}
	}
	return nil
}

// naming collects, while a trace is read, which goroutines belong to the
// scenario and what each is called.
type naming struct {
	rules   []Adopt
	given   map[int64]string // labels goroutines wrote through the Stage
	adopted map[int64]string // rule labels, not yet numbered
	order   []int64          // goroutines in order of first mention
}

func newNaming(rules []Adopt) *naming {
	return &naming{rules: rules, given: map[int64]string{}, adopted: map[int64]string{}}
}

// created looks at a new goroutine's starting stack.
func (n *naming) created(g int64, start trace.Stack) {
	if len(n.rules) == 0 {
		return
	}
	for f := range start.Frames() {
		for _, a := range n.rules {
			if strings.HasSuffix(f.Func, a.Func) {
				n.adopted[g] = a.Label
				n.order = append(n.order, g)
				return
			}
		}
		return // only the function it starts in counts
	}
}

// logged records a label a goroutine wrote; only its first counts.
func (n *naming) logged(g int64, label string) {
	if _, dup := n.given[g]; dup {
		return
	}
	n.given[g] = label
	if _, seen := n.adopted[g]; !seen {
		n.order = append(n.order, g)
	}
}

// resolve returns every named goroutine's label and the goroutines in
// order. A label the goroutine wrote itself wins over an Adopt rule.
func (n *naming) resolve() (map[int64]string, []Goroutine) {
	total := map[string]int{}
	for g, label := range n.adopted {
		if _, own := n.given[g]; !own {
			total[label]++
		}
	}
	labels, counted := map[int64]string{}, map[string]int{}
	var order []Goroutine
	for _, g := range n.order {
		label, own := n.given[g]
		if !own {
			label = n.adopted[g]
			if total[label] > 1 {
				counted[label]++
				label += " " + strconv.Itoa(counted[label])
			}
		}
		labels[g] = label
		order = append(order, Goroutine{ID: g, Label: label})
	}
	return labels, order
}
