package bench

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
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

// BenchmarkStart: ns/op is one unit of work started and joined, for each
// model. The process is a fresh start of this binary as a worker (Go
// cannot fork); the loop task is created and awaited on a running loop.
func BenchmarkStart(b *testing.B) {
	b.Run("goroutine", func(b *testing.B) {
		for b.Loop() {
			threading.StartJoinGoroutine()
		}
	})
	b.Run("osThread", func(b *testing.B) {
		for b.Loop() {
			threading.StartJoinLockedThread()
		}
	})
	b.Run("process", func(b *testing.B) {
		ctx := context.Background()
		for b.Loop() {
			if err := startJoinProcess(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("loopTask", func(b *testing.B) {
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
}
