package threading_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/threading"
)

// What starting a goroutine or a thread, a ping-pong between two of them
// and a parked one cost is measured once, in package bench, beside the
// other models: BenchmarkStartJoin, BenchmarkRoundTrip and
// BenchmarkMemoryPerWaiter use these helpers.

// The helpers bench times must finish and clean up after themselves, on goroutines and on locked OS threads alike: a benchmark
// that left its echo goroutines or waiters behind would measure them in
// every run after it.
func TestCostHelpersLeaveNoGoroutineBehind(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	threading.StartJoinGoroutine()
	threading.StartJoinLockedThread()
	for _, lock := range []bool{false, true} {
		p := threading.NewPingPong(lock)
		p.RoundTrip()
		p.RoundTrip()
		p.Close()
		w, err := threading.ParkWaiters(3, lock)
		require.NoError(t, err)
		w.Release()
	}
}

func TestParkWaitersNeedsAtLeastOneWaiter(t *testing.T) {
	_, err := threading.ParkWaiters(0, false)
	assert.EqualError(t, err, "threading: need at least 1 waiter, got 0")
}
