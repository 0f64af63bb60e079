package multiprocessing_test

// Claims M4 and T7: a process costs more to start than a goroutine. One
// iteration starts a child that runs one trivial task, then joins it; the
// goroutine does the same inside this process.
//
// Run:  go test -run '^$' -bench SpawnJoin ./multiprocessing/
// See:  process in the hundreds of microseconds to a few milliseconds
//       (a fork, an exec and a Go runtime start-up); goroutine well under
//       a microsecond.

import (
	"sync"
	"testing"

	"github.com/concurrency-atlas/atlas/multiprocessing"
)

func BenchmarkSpawnJoin(b *testing.B) {
	b.Run("process", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p, err := multiprocessing.Start(b.Context(), multiprocessing.Echo, nil)
			if err != nil {
				b.Fatal(err)
			}
			res, err := p.Join()
			if err != nil || res.ExitCode != 0 {
				b.Fatal(err, res)
			}
		}
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		var wg sync.WaitGroup
		for b.Loop() {
			wg.Go(func() {})
			wg.Wait()
		}
	})
}
