package threading

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// BenchmarkCounter prices each safe counter uncontended (one goroutine,
// no one else wants the lock) and contended (one goroutine per P, all
// incrementing the same counter). Run with -cpu 1,2,4.
func BenchmarkCounter(b *testing.B) {
	for _, sc := range safeCounters {
		b.Run(sc.name+"/uncontended", func(b *testing.B) {
			c, release := sc.make()
			defer release()
			b.ReportAllocs()
			for b.Loop() {
				c.Inc()
			}
		})
		b.Run(sc.name+"/contended", func(b *testing.B) {
			c, release := sc.make()
			defer release()
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					c.Inc()
				}
			})
		})
	}
}

// BenchmarkReadHeavyCache runs 99 Gets for every Put from one goroutine
// per P.
func BenchmarkReadHeavyCache(b *testing.B) {
	for _, c := range []struct {
		name  string
		cache Cache
	}{{"rwmutex", NewRWMutexCache()}, {"mutex", NewMutexCache()}} {
		for i := range 64 {
			c.cache.Put(fmt.Sprint(i), "v")
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					key := keys64[i%64]
					if i%100 == 0 {
						c.cache.Put(key, "v")
					} else {
						c.cache.Get(key)
					}
					i++
				}
			})
		})
	}
}

var keys64 = func() []string {
	k := make([]string, 64)
	for i := range k {
		k[i] = fmt.Sprint(i)
	}
	return k
}()

// BenchmarkFalseSharing has one goroutine per P add to its own counter;
// only the memory layout differs between the sub-benchmarks.
func BenchmarkFalseSharing(b *testing.B) {
	const each = 10_000
	for _, v := range []struct {
		name  string
		count func(int, int) ([]int64, error)
	}{{"unpadded", CountUnpadded}, {"padded", CountPadded}} {
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
	for _, count := range []func(int, int) ([]int64, error){CountUnpadded, CountPadded} {
		got, err := count(5, 1000)
		require.NoError(t, err)
		assert.Equal(t, []int64{1000, 1000, 1000, 1000, 1000}, got)
		_, err = count(0, 1)
		assert.ErrorContains(t, err, "need at least 1 goroutine")
	}
}
