// Claim H4: a well-chosen hybrid beats every single model on mixed work.
// BenchmarkMixed is the comparison: every architecture on the same mixed
// job, for each mix of waiting and computing. speedup is serial's time for
// the same mix at the same GOMAXPROCS over the architecture's; items/s is
// throughput.
//
//	go test -run '^$' -bench Mixed -cpu 1,2 ./hybrid/
//
// You will see speedup and items/s for every architecture on each mix, at
// one P and at two; the committed run and its verdict are in testdata/bench
// at the module root.
//
// The loops run over b.N, not b.Loop: with Go 1.26 a b.Loop sub-benchmark
// measures its first -cpu value under the GOMAXPROCS the previous run left
// behind, and GOMAXPROCS is what this comparison is about.

package hybrid

import (
	"context"
	"net/http"
	"runtime"
	"testing"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func BenchmarkMixed(b *testing.B) {
	p, err := pool.New(context.Background(), 2)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, m := range workload.Mixes {
		b.Run(m.Name, func(b *testing.B) {
			s := m.Serve(nil)
			defer s.Close()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: m.Items}}
			defer client.CloseIdleConnections()
			env := kit{Client: client, Server: s, Pool: p}
			serial := map[int]float64{}
			for _, a := range architectures() {
				b.Run(a.Name, func(b *testing.B) {
					ctx := context.Background()
					for range b.N {
						got, err := a.Run(ctx, env, m)
						if err != nil {
							b.Fatal(err)
						}
						if got.Items != m.Items {
							b.Fatalf("%d items done, want %d", got.Items, m.Items)
						}
					}
					perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
					procs := runtime.GOMAXPROCS(0)
					if a.Name == "serial" {
						serial[procs] = perOp
					}
					if s, ok := serial[procs]; ok {
						b.ReportMetric(s/perOp, "speedup")
					}
					b.ReportMetric(float64(m.Items)/(perOp/1e9), "items/s")
				})
			}
		})
	}
}
