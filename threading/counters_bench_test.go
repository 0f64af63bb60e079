package threading_test

import (
	"testing"

	"github.com/concurrency-atlas/atlas/threading"
)

// BenchmarkCounter prices every counter of the table uncontended (one
// goroutine, no one else wants the lock) and contended (one goroutine per
// P, all incrementing the same counter). Run with -cpu 1,2,4.
//
// The unsynchronised counter is the floor: what an increment costs with
// nothing making it safe. Contended it loses updates and is a data race,
// so under -race that one sub-benchmark is skipped; the benchmark reports
// are made without -race.
func BenchmarkCounter(b *testing.B) {
	for _, kind := range counters {
		b.Run(kind.name+"/uncontended", func(b *testing.B) {
			c, release := kind.make()
			defer release()
			b.ReportAllocs()
			for b.Loop() {
				c.Inc()
			}
		})
		b.Run(kind.name+"/contended", func(b *testing.B) {
			if !kind.safe && threading.RaceEnabled {
				b.Skip("a data race by design; the race detector would fail the run (see TestDataRaceIsReportedByTheDetector)")
			}
			c, release := kind.make()
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
