package bench

import (
	"cmp"
	"context"
	"errors"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
	"github.com/concurrency-atlas/atlas/threading"
)

// roundTripper sends one message to a partner and waits for the answer.
type roundTripper struct {
	name  string
	start func(ctx context.Context) (trip func() error, stop func() error, err error)
}

var roundTrippers = []roundTripper{
	{"channel", goroutinePair(false)},
	{"lockedOSThreads", goroutinePair(true)},
	{"pipe", viaPeer(multiprocessing.StartPipePeer)},
	{"unixSocket", viaPeer(multiprocessing.StartSocketPeer)},
	{"sharedMemory", viaPeer(multiprocessing.StartSharedMemoryPeer)},
	// One ping-pong, two partners: thread or process (pipepair_linux_test.go).
	{"pipeThreads", viaPeer(startPipeThread)},
	{"pipeProcesses", viaPeer(startPipeProcess)},
	{"poolTask", poolEcho},
}

// poolEcho trips through a warm pool of one worker running pool.Echo:
// the pool's netpoller pipes, its framing, its queue and the two goroutine
// hand-offs between the caller and the worker's feeder and collector.
func poolEcho(ctx context.Context) (func() error, func() error, error) {
	p, err := pool.New(ctx, 1)
	if err != nil {
		return nil, nil, err
	}
	arg := make([]byte, 8)
	var v byte
	trip := func() error {
		arg[0] = v
		res, err := p.Submit(ctx, pool.Echo, arg).Wait()
		if err == nil && (len(res) != len(arg) || res[0] != v) {
			err = errWrongAnswer
		}
		v++
		return err
	}
	return trip, p.Close, nil
}

func goroutinePair(lock bool) func(context.Context) (func() error, func() error, error) {
	return func(context.Context) (func() error, func() error, error) {
		p := threading.NewPingPong(lock)
		return func() error { p.RoundTrip(); return nil }, func() error { p.Close(); return nil }, nil
	}
}

// viaPeer trips through a Peer, a child process's or, for pipeThreads, a
// thread's, and checks every answer.
func viaPeer(start func(context.Context) (multiprocessing.Peer, error)) func(context.Context) (func() error, func() error, error) {
	return func(ctx context.Context) (func() error, func() error, error) {
		peer, err := start(ctx)
		if err != nil {
			return nil, nil, err
		}
		var v uint64
		trip := func() error {
			got, err := peer.RoundTrip(v)
			if err == nil && got != v+1 {
				err = errWrongAnswer
			}
			v++
			return err
		}
		return trip, peer.Close, nil
	}
}

type wrongAnswer struct{}

func (wrongAnswer) Error() string { return "the partner answered with the wrong number" }

var errWrongAnswer error = wrongAnswer{}

// loopRoundTrips runs round trips between two tasks on one loop, through a
// queue each way, for as long as more says. Both tasks live inside the
// loop, so the trips are timed from inside it too.
func loopRoundTrips(more func() bool) error {
	_, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) (int, error) {
		l := co.Loop()
		there, err := eventloop.NewQueue[int](l, 1)
		if err != nil {
			return 0, err
		}
		back, err := eventloop.NewQueue[int](l, 1)
		if err != nil {
			return 0, err
		}
		echo := eventloop.CreateTask(co, "echo", func(co *eventloop.Coro) (int, error) {
			for {
				v, err := there.Get(co)
				if err != nil || v < 0 {
					return 0, err
				}
				if err := back.Put(co, v+1); err != nil {
					return 0, err
				}
			}
		})
		for i := 0; more(); i++ {
			if err := there.Put(co, i); err != nil {
				return 0, err
			}
			if v, err := back.Get(co); err != nil || v != i+1 {
				return 0, cmp.Or(err, errWrongAnswer)
			}
		}
		if err := there.Put(co, -1); err != nil {
			return 0, err
		}
		return eventloop.Await(co, echo)
	})
	return err
}

func TestEveryRoundTripperAnswers(t *testing.T) {
	for _, rt := range roundTrippers {
		t.Run(rt.name, func(t *testing.T) {
			trip, stop, err := rt.start(t.Context())
			if errors.Is(err, errors.ErrUnsupported) {
				t.Skip(err)
			}
			require.NoError(t, err)
			for range 3 {
				assert.NoError(t, trip())
			}
			assert.NoError(t, stop())
		})
	}
	t.Run("loopQueue", func(t *testing.T) {
		trips := 0
		require.NoError(t, loopRoundTrips(func() bool { trips++; return trips <= 3 }))
		assert.Equal(t, 4, trips, "three trips, then the check that ends them")
	})
}

// BenchmarkRoundTrip: ns/roundtrip is one message to a warm partner and
// its answer back, for each way two units of work can talk, keyed
// model=<name>.
func BenchmarkRoundTrip(b *testing.B) {
	for _, rt := range roundTrippers {
		b.Run("model="+rt.name, func(b *testing.B) {
			if rt.name == "lockedOSThreads" {
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
			}
			trip, stop, err := rt.start(context.Background())
			if errors.Is(err, errors.ErrUnsupported) {
				b.Skip(err)
			}
			if err != nil {
				b.Fatal(err)
			}
			defer func() {
				if err := stop(); err != nil {
					b.Error(err)
				}
			}()
			for b.Loop() {
				if err := trip(); err != nil {
					b.Fatal(err)
				}
			}
			reportRoundTrip(b)
		})
	}
	b.Run("model=loopQueue", func(b *testing.B) {
		if err := loopRoundTrips(b.Loop); err != nil {
			b.Fatal(err)
		}
		reportRoundTrip(b)
	})
}

func reportRoundTrip(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/roundtrip")
}
