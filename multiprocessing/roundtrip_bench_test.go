// Claims M3 and F7: a message to another process and back costs more than
// one to another goroutine. Each sub-benchmark sends a number and waits for
// the answer (the number plus one) from a warm partner:
//
//	channel       a goroutine, over two unbuffered channels
//	rawPipe       the machine's floor for pipes: a process, blocking
//	              read(2)/write(2) on two threads locked on both sides
//	              (rawpipe_unix_test.go); no Go I/O machinery at all
//	sharedMemory  a process, through a shared page both sides poll
//	pipe          a process, over a pair of blocking pipes (pipe_unix.go)
//	unixSocket    a process, over a Unix domain socket pair
//	poolTask      a pool worker running Echo: netpoller pipes (see
//	              pipe_unix.go for why) plus framing plus the pool's queue
//	              and two goroutine hand-offs (caller to the worker's
//	              goroutine and back)
//
//	go test -run '^$' -bench RoundTrip ./multiprocessing/
//
// You will see µs/roundtrip, smallest for channel and sharedMemory; rawPipe
// is what this machine allows any pipe, pipe lands close to it, and poolTask
// pays more again for its hand-offs: with an idle CPU each hand-off makes
// the Go scheduler wake a sleeping thread (on a virtual machine, an idle
// virtual CPU), which costs about as much as a pipe wake-up.

package multiprocessing_test

import (
	"context"
	"errors"
	"runtime"
	"testing"

	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func BenchmarkRoundTrip(b *testing.B) {
	b.Run("channel", func(b *testing.B) {
		in, out := make(chan uint64), make(chan uint64)
		go func() {
			for v := range in {
				out <- v + 1
			}
		}()
		defer close(in)
		measureRoundTrips(b, func(v uint64) (uint64, error) {
			in <- v
			return <-out, nil
		})
	})
	b.Run("rawPipe", func(b *testing.B) {
		peer, err := startRawPipePeer(context.Background())
		if errors.Is(err, errors.ErrUnsupported) {
			b.Skip("needs Unix pipes")
		}
		if err != nil {
			b.Fatal(err)
		}
		defer func() {
			if err := peer.Close(); err != nil {
				b.Error(err)
			}
		}()
		// This goroutine blocks in read(2) itself; locked, it keeps one
		// thread for the whole run, as the child does.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		measureRoundTrips(b, peer.RoundTrip)
	})
	for _, kind := range peerKinds {
		b.Run(kind.name, func(b *testing.B) {
			if kind.skip != "" {
				b.Skip(kind.skip)
			}
			peer, err := kind.start(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			defer func() {
				if err := peer.Close(); err != nil {
					b.Error(err)
				}
			}()
			measureRoundTrips(b, peer.RoundTrip)
		})
	}
	b.Run("poolTask", func(b *testing.B) {
		p, err := pool.New(context.Background(), 1)
		if err != nil {
			b.Fatal(err)
		}
		defer p.Close()
		arg := make([]byte, 8)
		measureRoundTrips(b, func(v uint64) (uint64, error) {
			arg[0] = byte(v)
			res, err := p.Submit(context.Background(), pool.Echo, arg).Wait()
			return uint64(res[0]) + 1, err
		})
		reportBytesPerTask(b, p)
	})
}

// measureRoundTrips runs rt in b.Loop, checks every answer, and reports the
// mean round trip in microseconds.
func measureRoundTrips(b *testing.B, rt func(uint64) (uint64, error)) {
	b.ReportAllocs()
	// One exchange before timing, so that a child still starting up is
	// not measured.
	if _, err := rt(0); err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		n++
		v := uint64(n % 200)
		got, err := rt(v)
		if err != nil {
			b.Fatal(err)
		}
		if got&0xff != (v+1)&0xff {
			b.Fatalf("sent %d, got %d", v, got)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(n), "µs/roundtrip")
}

// reportBytesPerTask reports the pool's traffic per task, both directions,
// frame headers included: the cost of serialising that a goroutine never
// pays.
func reportBytesPerTask(b *testing.B, p *pool.Pool) {
	s := p.Stats()
	if s.Tasks > 0 {
		b.ReportMetric(float64(s.Sent+s.Received)/float64(s.Tasks), "bytes/task")
	}
}
