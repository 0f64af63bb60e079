// A Scenario is a small program whose schedule is worth a picture. Adding
// one is one function that returns a Scenario and one Register call in an
// init: the capture, the parsing, the drawing and the pictures command
// pick it up from the registry.

package schedtrace

import (
	"context"
	"fmt"
	"runtime/trace"
	"sort"
	"sync"
)

// Scenario describes one traced run and the picture drawn from it.
type Scenario struct {
	Name    string // file stem of the picture, e.g. "f1-gomaxprocs1"
	Claim   string // claim ID from the catalogue, e.g. "F1"
	Title   string // one line above the picture
	Caption string // what to notice, in a sentence or two
	Procs   int    // GOMAXPROCS while the scenario runs
	// Run does the work. Every goroutine whose schedule matters must be
	// started with stage.Go, which names it in the trace; Run may block,
	// and the capture waits for the stage's goroutines after it returns.
	Run func(stage *Stage)
	// Adopt gives lanes to goroutines that Run's code starts without the
	// Stage and that cannot label themselves, such as a library's own.
	Adopt []Adopt
}

// logCategory marks the trace.Log events this package writes and reads.
const logCategory = "schedtrace"

// windowCategory marks the begin and end of a scenario in the trace.
const windowCategory = "schedtrace.window"

// Stage starts the goroutines of a scenario and names each in the trace,
// so that the parser can tell them from the runtime's own goroutines.
type Stage struct {
	ctx context.Context
	wg  sync.WaitGroup
}

// Go runs fn in a new goroutine labelled label. The label is the first
// thing the goroutine writes to the trace.
func (s *Stage) Go(label string, fn func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		trace.Log(s.ctx, logCategory, label)
		fn()
	}()
}

// Label names the calling goroutine in the trace, for goroutines the
// scenario does not start itself but whose code it writes, such as an
// event loop's task coroutines. (A library's own goroutines, which run
// no code of the scenario's, are named with Scenario.Adopt.) Only a
// goroutine's first label counts.
func (s *Stage) Label(label string) { trace.Log(s.ctx, logCategory, label) }

func (s *Stage) wait() { s.wg.Wait() }

var (
	registryMu sync.Mutex
	registry   = map[string]Scenario{}
)

// Register adds a scenario; call it from an init function. A reused name
// or an invalid scenario is a programming error, so it panics at init
// rather than drawing the wrong picture.
func Register(sc Scenario) {
	if err := sc.validate(); err != nil {
		panic(err)
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[sc.Name]; dup {
		panic("schedtrace: scenario " + sc.Name + " registered twice")
	}
	registry[sc.Name] = sc
}

// Scenarios returns every registered scenario, sorted by name.
func Scenarios() []Scenario {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := make([]Scenario, 0, len(registry))
	for _, sc := range registry {
		out = append(out, sc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup finds a registered scenario by name.
func Lookup(name string) (Scenario, error) {
	registryMu.Lock()
	defer registryMu.Unlock()
	sc, ok := registry[name]
	if !ok {
		return Scenario{}, fmt.Errorf("schedtrace: no scenario named %q", name)
	}
	return sc, nil
}

func (sc Scenario) validate() error {
	switch {
	case sc.Name == "":
		return fmt.Errorf("%w: it has no name", ErrInvalidScenario)
	case sc.Run == nil:
		return fmt.Errorf("%w: %s has no Run function", ErrInvalidScenario, sc.Name)
	case sc.Procs < 1:
		return fmt.Errorf("%w: %s needs Procs >= 1, got %d", ErrInvalidScenario, sc.Name, sc.Procs)
	}
	return validAdopt(sc.Adopt)
}
