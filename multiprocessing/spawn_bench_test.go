// Claims M4 and T7: a process costs more to start than a goroutine. One
// iteration starts a child that runs one trivial task, then joins it; the
// goroutine does the same inside this process.
//
// binTrue is the floor: any process at all, a tiny C program.
//
//	go test -run '^$' -bench SpawnJoin ./multiprocessing/
//
// You will see binTrue a millisecond or two; process several times that,
// nearly all of it the child's own start-up: the Go runtime, then this
// binary's package initialisation (a test binary initialises testing,
// testify and more), and cgo's start-up (dynamic loader, threads made
// through libc) when cgo is linked in, as net does unless CGO_ENABLED=0;
// goroutine well under a microsecond.

package multiprocessing_test

import (
	"os/exec"
	"sync"
	"testing"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func BenchmarkSpawnJoin(b *testing.B) {
	b.Run("process", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p, err := multiprocessing.Start(b.Context(), pool.Echo, nil)
			if err != nil {
				b.Fatal(err)
			}
			res, err := p.Join()
			if err != nil || res.ExitCode != 0 {
				b.Fatal(err, res)
			}
		}
	})
	// The machine's floor for any process: fork and exec a tiny C program
	// that exits at once. The gap to "process" is what a Go runtime and
	// this binary's size and package initialisation add.
	b.Run("binTrue", func(b *testing.B) {
		path, err := exec.LookPath("true")
		if err != nil {
			b.Skip("no true(1) on this system")
		}
		b.ReportAllocs()
		for b.Loop() {
			if err := exec.Command(path).Run(); err != nil {
				b.Fatal(err)
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
