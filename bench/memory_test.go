package bench

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/memstat"
	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
	"github.com/concurrency-atlas/atlas/threading"
)

// parkers start n waiting units of one in-process model and return once
// all are waiting, with the function that lets them go.
var parkers = map[string]func(n int) (func(), error){
	"goroutine": func(n int) (func(), error) {
		w, err := threading.ParkWaiters(n, false)
		if err != nil {
			return nil, err
		}
		return w.Release, nil
	},
	"osThread": func(n int) (func(), error) {
		w, err := threading.ParkWaiters(n, true)
		if err != nil {
			return nil, err
		}
		return w.Release, nil
	},
	// The event loop's layer below tasks: a done-callback waiting on a
	// future of its own, and a timer set with CallLater.
	"loopCallback": loopParker(eventloop.UnitCallback),
	"loopTimer":    loopParker(eventloop.UnitTimer),
}

func loopParker(u eventloop.Unit) func(n int) (func(), error) {
	return func(n int) (func(), error) {
		w, err := eventloop.ParkWaiters(u, n)
		if err != nil {
			return nil, err
		}
		return func() { _ = w.Release() }, nil
	}
}

// How many units each in-process model parks for one measurement: enough
// to drown the noise, few enough for threads.
var parkCounts = map[string]int{"goroutine": 10_000, "loopTask": 10_000, "loopCallback": 10_000, "loopTimer": 10_000, "osThread": 200}

const parkEnv = "ATLAS_PARK"

// inProcessModels are the waiting units measured in a child process of
// their own, in the order the benchmark reports them.
var inProcessModels = []string{"goroutine", "loopTask", "loopCallback", "loopTimer", "osThread"}

func init() { scene.Register("park", parkScene) }

// parkScene measures one model in a fresh process, where no earlier
// goroutine left a stack behind for the new ones to reuse.
func parkScene() {
	model := os.Getenv(parkEnv)
	n := parkCounts[model]
	if n == 0 {
		fmt.Fprintf(os.Stderr, "%s: unknown model %q\n", parkEnv, model)
		os.Exit(2)
	}
	if model == "loopTask" {
		// The loop measures from inside itself, once all tasks sleep.
		before := memstat.InUse()
		err := eventloop.ManySleepers(n, time.Hour, func() {
			fmt.Println(float64(memstat.InUse()-before) / float64(n))
			os.Exit(0)
		})
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	per, err := memstat.PerUnit(n, parkers[model])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(per)
}

func parkedBytes(tb testing.TB, model string) float64 {
	tb.Helper()
	res := scene.Run(tb, "park", scene.Env(parkEnv+"="+model))
	per, err := strconv.ParseFloat(strings.TrimSpace(res.Stdout), 64)
	if res.ExitCode != 0 || err != nil {
		tb.Fatalf("measuring %s: %v\n%s", model, err, res)
	}
	return per
}

// idleWorkerRSS is the resident memory of an idle pool worker process,
// averaged over the pool: its whole runtime and its share of the binary.
func idleWorkerRSS(ctx context.Context, workers int) (float64, error) {
	p, err := pool.New(ctx, workers)
	if err != nil {
		return 0, err
	}
	defer p.Close()
	var total int64
	for _, pid := range p.PIDs() {
		rss, err := multiprocessing.ResidentMemory(pid)
		if err != nil {
			return 0, err
		}
		total += rss
	}
	return float64(total) / float64(workers), nil
}

func TestEveryModelHoldsMemoryWhileWaiting(t *testing.T) {
	for _, model := range inProcessModels {
		t.Run(model, func(t *testing.T) {
			assert.Positive(t, parkedBytes(t, model))
		})
	}
	t.Run("process", func(t *testing.T) {
		if _, err := multiprocessing.ResidentMemory(os.Getpid()); err != nil {
			t.Skipf("no resident memory on this system: %v", err)
		}
		rss, err := idleWorkerRSS(t.Context(), 1)
		require.NoError(t, err)
		assert.Positive(t, rss)
	})
	t.Run("unknown model", func(t *testing.T) {
		res := scene.Run(t, "park", scene.Env(parkEnv+"=fibre"))
		assert.Equal(t, 2, res.ExitCode)
		assert.Contains(t, res.Stderr, `unknown model "fibre"`)
	})
}

// BenchmarkMemoryPerWaiter: B/waiter is the memory one waiting unit
// holds, keyed model=<name>. For goroutines, loop tasks and threads it is the Go heap and
// stacks each adds, measured in a fresh child process; for threads that
// leaves out what the kernel keeps, so it is a lower bound. For a process
// it is the resident memory of an idle worker, which includes its share of
// the binary's pages: the honest price of one more process, not a like for
// like number. ns/op is the time to measure and means nothing here.
func BenchmarkMemoryPerWaiter(b *testing.B) {
	for _, model := range inProcessModels {
		b.Run("model="+model, func(b *testing.B) {
			var total float64
			for b.Loop() {
				total += parkedBytes(b, model)
			}
			b.ReportMetric(total/float64(b.N), "B/waiter")
		})
	}
	b.Run("model=process", func(b *testing.B) {
		var total float64
		for b.Loop() {
			rss, err := idleWorkerRSS(context.Background(), 2)
			if err != nil {
				b.Skipf("resident memory: %v", err)
			}
			total += rss
		}
		b.ReportMetric(total/float64(b.N), "B/waiter")
	})
}
