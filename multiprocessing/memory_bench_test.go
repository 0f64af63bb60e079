// Claim M4: a process costs memory. Each iteration starts a pool of one
// worker, reads the idle worker's resident set from /proc, and closes the
// pool.
//
//	go test -run '^$' -bench WorkerMemory -benchtime 20x ./multiprocessing/
//
// You will see bytes/worker of a few megabytes: a whole Go runtime and the
// test binary's pages, against a few kilobytes for a goroutine.

package multiprocessing_test

import (
	"context"
	"testing"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func BenchmarkWorkerMemory(b *testing.B) {
	if _, err := multiprocessing.ResidentMemory(1); err != nil {
		b.Skip("needs /proc/<pid>/status (Linux):", err)
	}
	var total, n int64
	for b.Loop() {
		p, err := pool.New(context.Background(), 1)
		if err != nil {
			b.Fatal(err)
		}
		rss, err := multiprocessing.ResidentMemory(p.PIDs()[0])
		p.Close()
		if err != nil {
			b.Fatal(err)
		}
		total += rss
		n++
	}
	b.ReportMetric(float64(total)/float64(n), "bytes/worker")
}
