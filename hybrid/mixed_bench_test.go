// Claim H4: a well-chosen hybrid beats every single model on mixed work.
// BenchmarkMixed is the comparison: every architecture on the same mixed
// job, for each mix of waiting and computing. speedup is serial's time for
// the same mix at the same GOMAXPROCS over the architecture's; items/s is
// throughput.
//
//	go test -run '^$' -bench Mixed -cpu 1,2 ./hybrid/ | tee /tmp/mixed.txt
//	go tool benchstat -filter '.unit:speedup' -row /mix -col /model /tmp/mixed.txt
//
// You will see speedup and items/s for every architecture (key model) on
// each mix (key mix), at one P and at two, with the process pool one
// worker per CPU (workload.Workers); the committed run and its verdict are
// in testdata/bench at the module root.
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
	workers, err := workload.Workers()
	if err != nil {
		b.Fatal(err)
	}
	p, err := pool.New(context.Background(), workers)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, m := range workload.Mixes {
		b.Run("mix="+m.Name, func(b *testing.B) {
			s := m.Serve(nil)
			defer s.Close()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: m.Items}}
			defer client.CloseIdleConnections()
			env := kit{Client: client, Server: s, Pool: p}
			serial := map[int]float64{}
			for _, a := range architectures() {
				b.Run("model="+a.Name, func(b *testing.B) {
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
