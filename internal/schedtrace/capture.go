// Capture runs a scenario under runtime/trace, in this process, with
// GOMAXPROCS set to the scenario's value for the run and restored after.
//
// Why in-process rather than in a child: the trace only needs the
// scenario's goroutines, which the Stage labels, so the test harness and
// the runtime's goroutines sharing the process do no harm; and GOMAXPROCS
// can be set exactly for the run whatever -cpu the tests were given. The
// tracer and GOMAXPROCS are process-wide, so captures are serialised.

package schedtrace

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"runtime/trace"
	"sync"
)

var captureMu sync.Mutex

// Capture runs sc under the execution tracer and returns the raw trace.
func Capture(sc Scenario) ([]byte, error) {
	if err := sc.validate(); err != nil {
		return nil, err
	}
	captureMu.Lock()
	defer captureMu.Unlock()

	// Set GOMAXPROCS before the trace starts so that the trace sees only
	// the scenario's Ps.
	prev := runtime.GOMAXPROCS(sc.Procs)
	defer runtime.GOMAXPROCS(prev)

	// Size the CPU-bound work before tracing, so that the calibration
	// does not appear in the picture as goroutines waiting for it.
	roundsPerMs()

	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		return nil, fmt.Errorf("schedtrace: start trace for %s: %w", sc.Name, err)
	}
	// A panicking scenario must not leave the tracer running.
	func() {
		defer trace.Stop()
		ctx := context.Background()
		stage := &Stage{ctx: ctx}
		trace.Log(ctx, windowCategory, "begin")
		sc.Run(stage)
		stage.wait()
		trace.Log(ctx, windowCategory, "end")
	}()
	return buf.Bytes(), nil
}

// Record captures sc and parses the trace into a Timeline.
func Record(sc Scenario) (*Timeline, error) {
	raw, err := Capture(sc)
	if err != nil {
		return nil, err
	}
	tl, err := Parse(bytes.NewReader(raw), sc.Adopt...)
	if err != nil {
		return nil, fmt.Errorf("schedtrace: parse trace of %s: %w", sc.Name, err)
	}
	return tl, nil
}
