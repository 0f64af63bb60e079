// Claim A10, measured: what one waiting unit holds, layer by layer. A
// callback waiting on a future or a timer holds its closure and an entry
// in the future's list or the loop's timers; a task waiting in Sleep holds
// that and a coroutine, whose goroutine stack is most of it; a plain
// goroutine holds its stack. Each figure is the growth of the Go heap
// plus stacks while 10,000 units wait, read by memstat.PerUnit in a fresh
// child process, where no goroutine that ended earlier left a stack for
// the new ones to reuse.
//
//	go test -run '^$' -bench WaitingUnit -benchtime 5x -count 5 ./eventloop/
//
// You will see B/waiter for unit=callback, unit=timer, unit=task and
// unit=goroutine; ns/op is the time to start and measure a child and
// means nothing here.

package eventloop

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/concurrency-atlas/atlas/internal/memstat"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

// waitingUnits park n units of each kind and return what lets them go.
var waitingUnits = map[string]func(n int) (func(), error){
	"callback":  parkOnLoop(UnitCallback),
	"timer":     parkOnLoop(UnitTimer),
	"task":      parkOnLoop(UnitTask),
	"goroutine": parkGoroutines,
}

func parkOnLoop(unit Unit) func(n int) (func(), error) {
	return func(n int) (func(), error) {
		w, err := ParkWaiters(unit, n)
		if err != nil {
			return nil, err
		}
		return func() {
			if err := w.Release(); err != nil {
				panic(err)
			}
		}, nil
	}
}

// parkGoroutines parks n goroutines on a channel receive.
func parkGoroutines(n int) (func(), error) {
	release, exited := make(chan struct{}), make(chan struct{})
	started := make(chan struct{}, n)
	for range n {
		go func() {
			started <- struct{}{}
			<-release
			exited <- struct{}{}
		}()
	}
	for range n {
		<-started
	}
	return func() {
		close(release)
		for range n {
			<-exited
		}
	}, nil
}

const (
	waitingUnitEnv = "ATLAS_WAITING_UNIT"
	waitingUnitN   = 10_000
)

func init() { scene.Register("waiting-unit", waitingUnitScene) }

// waitingUnitScene prints the bytes one unit of the kind named in the
// environment holds.
func waitingUnitScene() {
	park := waitingUnits[os.Getenv(waitingUnitEnv)]
	if park == nil {
		fmt.Fprintf(os.Stderr, "want %s=callback|timer|task|goroutine, got %q\n", waitingUnitEnv, os.Getenv(waitingUnitEnv))
		os.Exit(2)
	}
	per, err := memstat.PerUnit(waitingUnitN, park)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(per)
}

func BenchmarkWaitingUnit(b *testing.B) {
	for _, unit := range []string{"callback", "timer", "task", "goroutine"} {
		b.Run("unit="+unit, func(b *testing.B) {
			var total float64
			for b.Loop() {
				res := scene.Run(b, "waiting-unit", scene.Env(waitingUnitEnv+"="+unit))
				per, err := strconv.ParseFloat(strings.TrimSpace(res.Stdout), 64)
				if res.ExitCode != 0 || err != nil {
					b.Fatalf("measuring %s: %v\n%s", unit, err, res)
				}
				total += per
			}
			b.ReportMetric(total/float64(b.N), "B/waiter")
		})
	}
}

func TestWaitingUnitSceneRefusesAnUnknownUnit(t *testing.T) {
	res := scene.Run(t, "waiting-unit", scene.Env(waitingUnitEnv+"=fibre"))
	if res.ExitCode != 2 || !strings.Contains(res.Stderr, `got "fibre"`) {
		t.Fatalf("want exit 2 naming the unit, got %s", res)
	}
}
