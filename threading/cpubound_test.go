package threading_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/threading"
)

func TestFibSerialAndGoroutinesAgree(t *testing.T) {
	ns := []int{20, 21, 22, 23}
	want := []int{6765, 10946, 17711, 28657}
	assert.Equal(t, want, threading.FibSerial(ns))
	assert.Equal(t, want, threading.FibGoroutines(ns))
}

// cpuBoundSize makes one task take a few milliseconds.
const cpuBoundSize = 30

// serialNsPerOp holds /serial's latest result per GOMAXPROCS, for
// /goroutines to compare with. The testing package runs every -cpu value
// of /serial before any of /goroutines, so the key keeps each ratio to
// runs at the same setting.
var serialNsPerOp = map[int]float64{}

// BenchmarkCPUBound runs 4 x Fib(30) serially and in 4 goroutines.
// /goroutines reports "speedup" = serial time / goroutine time. Run it
// with -cpu 1,2,4. It loops over b.N rather than b.Loop: with Go 1.26 a
// b.Loop sub-benchmark measures its first -cpu value under the GOMAXPROCS
// the previous run left behind.
func BenchmarkCPUBound(b *testing.B) {
	ns := []int{cpuBoundSize, cpuBoundSize, cpuBoundSize, cpuBoundSize}
	b.Run("serial", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			threading.FibSerial(ns)
		}
		serialNsPerOp[runtime.GOMAXPROCS(0)] = nsPerOp(b)
	})
	b.Run("goroutines", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			threading.FibGoroutines(ns)
		}
		serial, ok := serialNsPerOp[runtime.GOMAXPROCS(0)]
		if !ok {
			b.Log("no speedup metric: run /serial in the same invocation")
			return
		}
		b.ReportMetric(serial/nsPerOp(b), "speedup")
	})
}

func nsPerOp(b *testing.B) float64 {
	return float64(b.Elapsed()) / float64(b.N) / float64(time.Nanosecond)
}
