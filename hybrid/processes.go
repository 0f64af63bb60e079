// Claims H1 and H3: a process pool does the computing, for an event loop
// (H1) or with goroutines inside each worker for its own I/O (H3). Worker
// processes are this same program started again (see the multiprocessing
// chapter), so the functions they run are registered here, at package
// level, and main must call pool.ServeIfWorker first (a test
// binary does, through scene.Main in TestMain).
//
//   - compute: the CPU half of one item, for the event loop's process-pool
//     executor, compute.On(pool) (H1).
//   - fetchAndCompute: a whole batch of items, for the process pool whose
//     workers use goroutines for their own I/O (H3). Each worker fetches
//     its batch concurrently and computes on its own cores, so the parent
//     only splits the work and adds up.
//
//	go test -run 'TestEveryArchitecture.*/[pP]rocessPool|TestAWorkerKilled' -v ./hybrid/
//
// You will see both process-pool architectures reach the serial answer,
// and a worker killed mid-run reach the caller as an error, after which
// the pool, with the worker replaced, gives the answer again.

package hybrid

import (
	"context"
	"net/http"
	"os"
	"strconv"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

type computeArg struct {
	ID      int
	Body    string
	FibBase int
	Crash   bool // fault injection: see kit.Crash
}

// computeItem is the CPU half of one item, wherever it runs: on the loop,
// on a goroutine, or in a worker process as compute.
func computeItem(a computeArg) (int, error) {
	return workload.Mix{FibBase: a.FibBase}.Compute(a.ID, a.Body)
}

var compute = pool.Define("hybrid.compute", func(a computeArg) (int, error) {
	crashIf(a.Crash)
	return computeItem(a)
})

type batchArg struct {
	BaseURL string // the server's address; items are BaseURL + /item/{id}
	IDs     []int
	FibBase int
	CrashOn int // fault injection: the item whose fetch kills the worker, or -1
}

var fetchAndCompute = pool.Define("hybrid.fetchAndCompute", func(a batchArg) ([]int, error) {
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	m := workload.Mix{FibBase: a.FibBase}
	values := make([]int, len(a.IDs))
	var g errgroup.Group
	for i, id := range a.IDs {
		g.Go(func() error {
			body, err := workload.Fetch(context.Background(), client, a.BaseURL+"/item/"+strconv.Itoa(id))
			if err != nil {
				return err
			}
			crashIf(id == a.CrashOn)
			values[i], err = m.Compute(id, body)
			return err
		})
	}
	return values, g.Wait()
})

// crashIf kills this worker process the hard way, mid-task.
func crashIf(crash bool) {
	if !crash {
		return
	}
	if self, err := os.FindProcess(os.Getpid()); err == nil {
		_ = self.Kill()
	}
	time.Sleep(time.Hour) // the kill is on its way
}

// processPoolGoroutineIO (H3) splits the items into one batch per worker
// process; each worker fetches its batch with goroutines and computes it.
func processPoolGoroutineIO(ctx context.Context, env kit, m workload.Mix) (workload.Total, error) {
	workers := max(len(env.Pool.PIDs()), 1)
	batches := make([]batchArg, min(workers, m.Items))
	for i := range batches {
		batches[i] = batchArg{BaseURL: env.Server.URL, FibBase: m.FibBase, CrashOn: -1}
	}
	for id := range m.Items {
		b := &batches[id%len(batches)]
		b.IDs = append(b.IDs, id)
		if env.crashes(id) && b.CrashOn < 0 {
			b.CrashOn = id
		}
	}
	results, err := fetchAndCompute.Map(ctx, env.Pool, batches)
	if err != nil {
		return workload.Total{}, err
	}
	var t workload.Total
	for _, values := range results {
		for _, v := range values {
			t.Add(v)
		}
	}
	return t, nil
}
