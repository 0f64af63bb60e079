// Package workers holds a benchmark that reports the pool size a
// benchmark takes from its environment (internal/workload.Workers), so
// that the report command's test can see -workers reach the benchmarks.
package workers

import (
	"testing"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/internal/workload"
)

func TestMain(m *testing.M) { scene.Main(m) }

func BenchmarkWorkers(b *testing.B) {
	n, err := workload.Workers()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
	}
	b.ReportMetric(float64(n), "workers")
}
