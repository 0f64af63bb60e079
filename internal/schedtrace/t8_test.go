package schedtrace

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Two loops without function calls on one P still take turns: the runtime
// preempts them asynchronously, in the middle of their work. With
// GODEBUG=asyncpreemptoff=1 the first runs its loop to the end before the
// second starts: it is stopped only at the next function call, after the
// loop, so it is never seen preempted inside workload.Spin, and this test
// fails.
//
// Under heavy load (the whole suite under -race on a small machine) a
// recording can show a loop preempted and yet resumed before the other
// ran, so the scenario is recorded up to three times until the loops
// alternate. With asynchronous preemption off they never do, and the
// test still fails.
func TestTightLoopIsPreempted(t *testing.T) {
	tl := record(t, TightLoops())
	for attempt := 2; attempt <= 3 && Switches(tl.Spans) <= Loops-1; attempt++ {
		t.Logf("recording %d: the loops did not alternate (%d switches); recording again", attempt-1, Switches(tl.Spans))
		tl = record(t, TightLoops())
	}

	assert.Equal(t, 1, MaxConcurrentRunning(tl.Spans))
	assert.Greater(t, Switches(tl.Spans), Loops-1, "the loops ran one after the other")
	inLoop := 0
	for i := 1; i <= Loops; i++ {
		label := fmt.Sprintf("loop %d", i)
		inLoop += tl.StoppedIn(label, "preempted", "workload.Spin")
		assert.Zero(t, tl.Stops(label)["runnable(runtime.Gosched)"], "nobody yields in this scenario")
	}
	t.Logf("%d switches between the loops on one P; %d preemptions inside workload.Spin", Switches(tl.Spans), inLoop)
	assert.Positive(t, inLoop, "no loop was stopped inside its loop")
}

// runtime.Gosched is the explicit yield: the trace shows exactly one
// stop for it per call, whether or not the runtime also preempted.
func TestGoschedYieldsAtEveryCall(t *testing.T) {
	tl := record(t, YieldingLoops())

	for i := 1; i <= Loops; i++ {
		stops := tl.Stops(fmt.Sprintf("loop %d", i))
		t.Logf("loop %d: %d of %d calls of runtime.Gosched seen as stops", i, stops["runnable(runtime.Gosched)"], YieldsPerLoop)
		assert.Equal(t, YieldsPerLoop, stops["runnable(runtime.Gosched)"], "loop %d: %v", i, stops)
	}
	assert.GreaterOrEqual(t, Switches(tl.Spans), YieldsPerLoop, "the loops did not alternate at the yields")
}
