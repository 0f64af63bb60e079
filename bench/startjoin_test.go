package bench

import (
	"context"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
	"github.com/concurrency-atlas/atlas/threading"
)

func init() {
	pool.Register("bench.noop", func([]byte) ([]byte, error) { return nil, nil })
}

// startJoinProcess starts a worker process that runs a function doing
// nothing, and waits for it to exit.
func startJoinProcess(ctx context.Context) error {
	p, err := multiprocessing.Start(ctx, "bench.noop", nil)
	if err != nil {
		return err
	}
	_, err = p.Join()
	return err
}

func noop(*eventloop.Coro) (int, error) { return 0, nil }

func TestStartersStartAndJoin(t *testing.T) {
	threading.StartJoinGoroutine()
	threading.StartJoinLockedThread()
	require.NoError(t, startJoinProcess(t.Context()))
	n, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		return eventloop.Await(co, eventloop.CreateTask(co, "noop", noop))
	})
	require.NoError(t, err)
	assert.Zero(t, n)
}

// BenchmarkStartJoin: sec/op is one unit of work started and joined, for
// each model, keyed model=<name>. The process is a fresh start of this
// binary as a worker (Go cannot fork); the loop task is created and
// awaited on a running loop. binTrue is the machine's floor for any
// process at all: fork and exec of true(1), a tiny C program that exits at
// once, so the gap between it and model=process is what a Go runtime and
// this binary's start-up add.
func BenchmarkStartJoin(b *testing.B) {
	b.Run("model=goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			threading.StartJoinGoroutine()
		}
	})
	b.Run("model=osThread", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			threading.StartJoinLockedThread()
		}
	})
	b.Run("model=loopTask", func(b *testing.B) {
		b.ReportAllocs()
		_, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
			for b.Loop() {
				if _, err := eventloop.Await(co, eventloop.CreateTask(co, "noop", noop)); err != nil {
					return 0, err
				}
			}
			return 0, nil
		})
		if err != nil {
			b.Fatal(err)
		}
	})
	b.Run("model=process", func(b *testing.B) {
		b.ReportAllocs()
		ctx := context.Background()
		for b.Loop() {
			if err := startJoinProcess(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The same process started from a small program that links only the
	// pool and Start, built without cgo (testdata/programs/smallworker):
	// what model=process costs beyond it is this test binary's size, its
	// dynamic linking and its packages' initialisation.
	b.Run("model=smallProcess", func(b *testing.B) {
		program := scene.Build(b, "testdata/programs/smallworker")
		b.ReportAllocs()
		ctx := context.Background()
		for b.Loop() {
			p, err := multiprocessing.StartProgram(ctx, program, pool.Echo, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := p.Join(); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The floors, started as binTrue is, with nothing to say: the smallest
	// Go program (the runtime's own start-up) and true(1), a tiny C
	// program (the kernel's fork and exec).
	b.Run("model=goProgram", func(b *testing.B) {
		benchmarkExec(b, scene.Build(b, "testdata/programs/nothing"))
	})
	b.Run("model=binTrue", func(b *testing.B) {
		path, err := exec.LookPath("true")
		if err != nil {
			b.Skip("no true(1) on this system")
		}
		benchmarkExec(b, path)
	})
}

// benchmarkExec starts the program at path with no input or output and
// waits for it to exit.
func benchmarkExec(b *testing.B, path string) {
	b.ReportAllocs()
	for b.Loop() {
		if err := exec.Command(path).Run(); err != nil {
			b.Fatal(err)
		}
	}
}
