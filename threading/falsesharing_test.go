package threading_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/threading"
)

// BenchmarkFalseSharing has one goroutine per P add to its own counter;
// only the memory layout differs between the sub-benchmarks.
func BenchmarkFalseSharing(b *testing.B) {
	const each = 10_000
	for _, v := range []struct {
		name  string
		count func(int, int) ([]int64, error)
	}{{"unpadded", threading.CountUnpadded}, {"padded", threading.CountPadded}} {
		b.Run(v.name, func(b *testing.B) {
			procs := runtime.GOMAXPROCS(0)
			for b.Loop() {
				if _, err := v.count(procs, each); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*procs*each), "ns/increment")
		})
	}
}

func TestPaddedAndUnpaddedCountTheSame(t *testing.T) {
	for _, count := range []func(int, int) ([]int64, error){threading.CountUnpadded, threading.CountPadded} {
		got, err := count(5, 1000)
		require.NoError(t, err)
		assert.Equal(t, []int64{1000, 1000, 1000, 1000, 1000}, got)
		_, err = count(0, 1)
		assert.ErrorContains(t, err, "need at least 1 goroutine")
	}
}
