// Claims T3 and D1: "fast I/O → threads; slow I/O with many waits →
// asyncio". Every model does the same 64 waits of three kinds: a 1 ms
// timer (timer), a GET to a loopback server that answers at once
// (loopbackFast: the wait is short and the request's own CPU cost counts)
// and a GET to one that answers after 5 ms (loopbackSlow: slow I/O, many
// waits).
//
//	go test -run '^$' -bench IOBound -cpu 1,2 -count 6 ./bench/ | tee /tmp/io.txt
//	go tool benchstat -filter '.unit:tasks/s' -row /work -col /model /tmp/io.txt
//
// You will see tasks/s, to compare the models within one kind of work: on
// timer and loopbackSlow a model does as well as the waits it overlaps; on
// loopbackFast the wait is short and what a request costs counts too.

package bench

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// The I/O-bound job: many waits and next to no computing.
const (
	ioTasks     = 64
	ioWait      = time.Millisecond     // the timer's wait
	slowLatency = 5 * time.Millisecond // how long the slow server takes
)

// ioClient makes every GET, in this process and (a copy of its own) in
// each pool worker. It keeps an idle connection for every task that can be
// in flight, so runs reuse their connections instead of dialing anew and
// working through the ephemeral ports.
var ioClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: ioTasks}}

var wait = pool.Define("bench.wait", func(d time.Duration) (bool, error) {
	return true, workload.SimulatedIO(context.Background(), d)
})

// fetch is one GET done by a pool worker: it gets the URL, fetches it
// with its own client and returns the body.
var fetch = pool.Define("bench.fetch", func(url string) (string, error) {
	return workload.Fetch(context.Background(), ioClient, url)
})

// ioKind is one kind of wait, in the three forms the models need: wait i
// of a job done blocking, the same from a loop task, and n waits handed to
// a process pool. Each checks its answers.
type ioKind struct {
	block  func(ctx context.Context, i int) error
	onLoop func(ctx context.Context, co *eventloop.Coro, i int) error
	onPool func(ctx context.Context, p *pool.Pool, n int) error
}

// ioKinds builds each kind for one test or benchmark. A loopback kind
// starts its server, and tb's cleanup closes it.
var ioKinds = []struct {
	name string
	make func(tb testing.TB) ioKind
}{
	{"timer", func(testing.TB) ioKind { return timerIO(ioWait) }},
	{"loopbackFast", func(tb testing.TB) ioKind { return loopbackIO(tb, workload.ServerConfig{}) }},
	{"loopbackSlow", func(tb testing.TB) ioKind { return loopbackIO(tb, workload.ServerConfig{Latency: slowLatency}) }},
}

func timerIO(d time.Duration) ioKind {
	return ioKind{
		block: func(ctx context.Context, _ int) error { return workload.SimulatedIO(ctx, d) },
		onLoop: func(_ context.Context, co *eventloop.Coro, _ int) error {
			return co.Sleep(d)
		},
		onPool: func(ctx context.Context, p *pool.Pool, n int) error {
			done, err := wait.Map(ctx, p, slices.Repeat([]time.Duration{d}, n))
			if err == nil && (len(done) != n || slices.Contains(done, false)) {
				err = fmt.Errorf("%d waits asked, %v done", n, done)
			}
			return err
		},
	}
}

// loopbackIO makes wait i a GET of item i from a fresh loopback server.
// The loop cannot block, so its tasks do each GET through ToThread, as
// asyncio code calls a blocking client through asyncio.to_thread.
func loopbackIO(tb testing.TB, cfg workload.ServerConfig) ioKind {
	srv := workload.NewServer(cfg)
	tb.Cleanup(func() {
		ioClient.CloseIdleConnections()
		srv.Close()
	})
	get := func(ctx context.Context, i int) error {
		body, err := workload.Fetch(ctx, ioClient, srv.ItemURL(i))
		if err != nil {
			return err
		}
		return checkItem(i, body)
	}
	return ioKind{
		block: get,
		onLoop: func(ctx context.Context, co *eventloop.Coro, i int) error {
			_, err := eventloop.ToThread(co, func() (bool, error) { return true, get(ctx, i) })
			return err
		},
		onPool: func(ctx context.Context, p *pool.Pool, n int) error {
			urls := make([]string, n)
			for i := range urls {
				urls[i] = srv.ItemURL(i)
			}
			bodies, err := fetch.Map(ctx, p, urls)
			if err != nil {
				return err
			}
			for i, body := range bodies {
				if err := checkItem(i, body); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func checkItem(i int, body string) error {
	if want := workload.ItemBody(i); body != want {
		return fmt.Errorf("item %d: got %q, want %q", i, body, want)
	}
	return nil
}

type ioModel struct {
	name string
	run  func(ctx context.Context, p *pool.Pool, kind ioKind, n int) error
}

var ioModels = []ioModel{
	{"serial", func(ctx context.Context, _ *pool.Pool, kind ioKind, n int) error {
		for i := range n {
			if err := kind.block(ctx, i); err != nil {
				return err
			}
		}
		return nil
	}},
	{"goroutines", func(ctx context.Context, _ *pool.Pool, kind ioKind, n int) error {
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() { errs[i] = kind.block(ctx, i) })
		}
		wg.Wait()
		return firstError(errs)
	}},
	{"boundedPool", func(ctx context.Context, _ *pool.Pool, kind ioKind, n int) error {
		var g errgroup.Group
		g.SetLimit(workload.ThreadPoolSize())
		for i := range n {
			g.Go(func() error { return kind.block(ctx, i) })
		}
		return g.Wait()
	}},
	{"eventLoop", func(ctx context.Context, _ *pool.Pool, kind ioKind, n int) error {
		_, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]bool, error) {
			tasks := make([]eventloop.Awaitable[bool], n)
			for i := range tasks {
				tasks[i] = eventloop.CreateTask(co, "wait", func(co *eventloop.Coro) (bool, error) {
					return true, kind.onLoop(ctx, co, i)
				})
			}
			return eventloop.Gather(co, tasks...)
		})
		return err
	}},
	{"processPool", func(ctx context.Context, p *pool.Pool, kind ioKind, n int) error {
		return kind.onPool(ctx, p, n)
	}},
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Every model finishes a small job of every kind, with the right answers.
func TestEveryIOModelFinishesItsWaits(t *testing.T) {
	p := newPool(t)
	for _, k := range ioKinds {
		t.Run(k.name, func(t *testing.T) {
			kind := k.make(t)
			for _, m := range ioModels {
				t.Run(m.name, func(t *testing.T) {
					require.NoError(t, m.run(t.Context(), p, kind, 6))
				})
			}
		})
	}
}

// And a failed GET is not lost on the way back, whichever model made it.
func TestEveryIOModelReportsAFailedGet(t *testing.T) {
	p := newPool(t)
	kind := loopbackIO(t, workload.ServerConfig{Fail: func(id int) bool { return id == 3 }})
	for _, m := range ioModels {
		t.Run(m.name, func(t *testing.T) {
			assert.ErrorContains(t, m.run(t.Context(), p, kind, 6), "500")
		})
	}
}

// BenchmarkIOBound: tasks/s is how many waits each model gets through.
// Waiting needs no core, so what counts is how many waits overlap: all of
// them for goroutines and the loop, workload.ThreadPoolSize() for the
// bounded pool (Python's ThreadPoolExecutor default), and one per worker
// process for the pool, whose workers take one task at a time;
// and, once the waits are short, what each request costs to make.
func BenchmarkIOBound(b *testing.B) {
	p := newPool(b)
	for _, k := range ioKinds {
		b.Run("work="+k.name, func(b *testing.B) {
			kind := k.make(b)
			for _, m := range ioModels {
				b.Run("model="+m.name, func(b *testing.B) {
					ctx := context.Background()
					cpu := startCPU()
					for b.Loop() {
						if err := m.run(ctx, p, kind, ioTasks); err != nil {
							b.Fatal(err)
						}
					}
					cpu.report(b)
					b.ReportMetric(float64(ioTasks*b.N)/b.Elapsed().Seconds(), "tasks/s")
				})
			}
		})
	}
}
