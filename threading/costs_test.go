package threading_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/internal/memstat"
	"github.com/concurrency-atlas/atlas/threading"
)

// BenchmarkStartJoin: ns/op is the cost of starting and joining one
// goroutine, or one goroutine on a fresh OS thread.
func BenchmarkStartJoin(b *testing.B) {
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			threading.StartJoinGoroutine()
		}
	})
	b.Run("lockedOSThread", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			threading.StartJoinLockedThread()
		}
	})
}

// BenchmarkPingPong: µs/roundtrip between two goroutines over channels,
// and between two goroutines each pinned to its own OS thread.
func BenchmarkPingPong(b *testing.B) {
	for _, v := range []struct {
		name string
		lock bool
	}{{"channel", false}, {"lockedOSThreads", true}} {
		b.Run(v.name, func(b *testing.B) {
			if v.lock {
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
			}
			p := threading.NewPingPong(v.lock)
			defer p.Close()
			b.ReportAllocs()
			for b.Loop() {
				p.RoundTrip()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N), "µs/roundtrip")
		})
	}
}

// BenchmarkMemoryPerWaiter: bytes/task is the memory the Go runtime
// accounts for (stacks and heap) per parked goroutine or per parked
// goroutine holding its own OS thread. It leaves out what the kernel keeps
// per thread and the pages a cgo-created thread touches on its C stack, so
// for threads it is a lower bound.
func BenchmarkMemoryPerWaiter(b *testing.B) {
	for _, v := range []struct {
		name string
		n    int
		lock bool
	}{{"goroutine", 10_000, false}, {"osThread", 200, true}} {
		b.Run(v.name, func(b *testing.B) {
			var total float64
			for b.Loop() {
				per, err := memstat.PerUnit(v.n, func(n int) (func(), error) {
					w, err := threading.ParkWaiters(n, v.lock)
					if err != nil {
						return nil, err
					}
					return w.Release, nil
				})
				if err != nil {
					b.Fatal(err)
				}
				total += per
			}
			b.ReportMetric(total/float64(b.N), "bytes/task")
		})
	}
}

// The helpers the benchmarks time must finish and clean up after
// themselves, on goroutines and on locked OS threads alike: a benchmark
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
