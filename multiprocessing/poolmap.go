// Claim M5: a pool of worker processes maps a function over its inputs,
// reusing its workers, and returns the results in input order, as
// Python's Pool.map(fib, [28, 30, 32]) does.
//
//	go test -run 'Example_poolMap|TestMapFib' -v ./multiprocessing/
//
// You will see [317811 832040 2178309], and that six inputs on a pool of
// two were computed by at most two processes, neither of them the parent:
// each worker is started once and then takes task after task. The machinery,
// queueing, prefetch and what happens when a worker dies, is package
// ./pool.

package multiprocessing

import (
	"context"
	"fmt"
	"os"

	"github.com/concurrency-atlas/atlas/internal/fib"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// Computed is one result of MapFib and the process that computed it.
type Computed struct {
	N, Fib int
	PID    int // the worker's process id
}

// fibWhere is Fibonacci that also says which process ran it.
var fibWhere = pool.Define("multiprocessing/fib-where", func(n int) (Computed, error) {
	if n < 0 || n > 60 {
		return Computed{}, fmt.Errorf("fib(%d): n must be in [0, 60]", n)
	}
	return Computed{N: n, Fib: fib.Fib(n), PID: os.Getpid()}, nil
})

// MapFib starts a pool of workers processes, maps Fibonacci over ns on
// it, closes it, and returns the results in the order of ns.
func MapFib(ctx context.Context, workers int, ns []int) ([]Computed, error) {
	p, err := pool.New(ctx, workers)
	if err != nil {
		return nil, err
	}
	out, err := fibWhere.Map(ctx, p, ns)
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	return out, err
}
