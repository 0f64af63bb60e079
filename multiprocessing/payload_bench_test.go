// Claim M4: data sent to a process is serialised and copied; data handed
// to a goroutine is not. A warm one-worker pool echoes payloads of growing
// size; the goroutine sub-benchmarks hand the same slice over a channel.
//
//	go test -run '^$' -bench TaskPayload ./multiprocessing/
//
// You will see process time per task and bytes/task grow with the payload
// (two copies through the kernel each way); goroutine time stays flat
// because only a slice header moves.

package multiprocessing_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func BenchmarkTaskPayload(b *testing.B) {
	for _, size := range []int{64, 4 << 10, 256 << 10, 1 << 20} {
		payload := make([]byte, size)
		b.Run(fmt.Sprintf("process/%dB", size), func(b *testing.B) {
			p, err := pool.New(context.Background(), 1)
			if err != nil {
				b.Fatal(err)
			}
			defer p.Close()
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				res, err := p.Submit(context.Background(), pool.Echo, payload).Wait()
				if err != nil || len(res) != size {
					b.Fatal(err, len(res))
				}
			}
			reportBytesPerTask(b, p)
		})
		b.Run(fmt.Sprintf("goroutine/%dB", size), func(b *testing.B) {
			in, out := make(chan []byte), make(chan []byte)
			go func() {
				for p := range in {
					out <- p
				}
			}()
			defer close(in)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				in <- payload
				if len(<-out) != size {
					b.Fatal("lost the payload")
				}
			}
			b.ReportMetric(0, "bytes/task")
		})
	}
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
