// Claim: multiprocessing.Pool's methods, the Manager and the forkserver
// each have a spelling on this package's pool of worker processes,
// listed in ROSETTA.md at the module root and proved by these Examples.
// A worker runs only functions registered at package level (Define,
// Register), which this test binary, started again, knows as well.
//
//	go test -run 'Example_pool|ExampleFunc_Call' -v ./multiprocessing/pool/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment (in any order for imap_unordered).

package pool_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// powArgs is the tuple of arguments starmap unpacks: in Go, a struct.
type powArgs struct{ Base, Exp int }

// total is the state the manager Example keeps in its one worker.
var total int

var (
	power = pool.Define("rosetta/power", func(a powArgs) (int, error) {
		r := 1
		for range a.Exp {
			r *= a.Base
		}
		return r, nil
	})
	tally = pool.Define("rosetta/tally", func(n int) (int, error) {
		total += n // in the worker's memory, never the parent's
		return total, nil
	})
	workerPID = pool.Define("rosetta/pid", func(struct{}) (int, error) { return os.Getpid(), nil })
)

func init() {
	pool.Register("rosetta/upper", func(arg []byte) ([]byte, error) { return bytes.ToUpper(arg), nil })
	pool.Register("rosetta/block", func([]byte) ([]byte, error) {
		time.Sleep(time.Hour) // until the pool kills its worker
		return nil, nil
	})
}

// multiprocessing.Pool(processes=2) and "with Pool(2) as p:": New starts
// the workers and waits until they are ready; a deferred Close lets the
// work finish and reaps them, as leaving the with block does.
func Example_poolNew() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("workers:", len(p.PIDs()))
	fmt.Println("close:", p.Close())
	_, err = pool.Fib.Call(ctx, p, 10)
	fmt.Println("after close:", err)
	// Output:
	// workers: 2
	// close: <nil>
	// after close: pool: pool is closed
}

// multiprocessing.cpu_count() and Pool() with no size: CPUs, the number
// of CPUs this process may run on, which is runtime.NumCPU.
func Example_poolCPUCount() {
	fmt.Println(pool.CPUs() == runtime.NumCPU(), pool.CPUs() >= 1)
	// Output: true true
}

// pool.apply(f, (x,)): Call runs the function once on a worker and waits
// for its result, typed at both ends.
func ExampleFunc_Call() {
	ctx := context.Background()
	p, err := pool.New(ctx, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	fmt.Println(pool.Fib.Call(ctx, p, 30))
	// Output: 832040 <nil>
}

// pool.apply_async(f, (x,)) and .get(): Submit queues one call and
// returns a Future at once; Wait is get(). Submit carries raw bytes, for
// functions registered with Register.
func Example_poolApplyAsync() {
	ctx := context.Background()
	p, err := pool.New(ctx, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	fut := p.Submit(ctx, "rosetta/upper", []byte("quiet"))
	fmt.Println("submitted; the parent goes on")
	out, err := fut.Wait()
	fmt.Println(string(out), err)
	// Output:
	// submitted; the parent goes on
	// QUIET <nil>
}

// pool.starmap(pow, [(2, 3), (3, 2)]): the function takes one struct
// holding what the tuple held; Map keeps the input order.
func Example_poolStarmap() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	fmt.Println(power.Map(ctx, p, []powArgs{{2, 3}, {3, 2}, {10, 0}}))
	// Output: [8 9 1] <nil>
}

// pool.imap_unordered(f, items): one goroutine per input calls the
// function and sends its result on as soon as it has it, so results come
// in the order they finish.
func Example_poolImapUnordered() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	inputs := []int{25, 5, 15}
	results := make(chan string)
	for _, n := range inputs {
		go func() {
			v, err := pool.Fib.Call(ctx, p, n)
			results <- fmt.Sprintf("fib(%d) = %d %v", n, v, err)
		}()
	}
	for range inputs {
		fmt.Println(<-results)
	}
	// Unordered output:
	// fib(5) = 5 <nil>
	// fib(15) = 610 <nil>
	// fib(25) = 75025 <nil>
}

// pool.terminate(): Terminate kills every worker at once; running and
// queued tasks fail with ErrPoolTerminated.
func Example_poolTerminate() {
	ctx := context.Background()
	p, err := pool.New(ctx, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	running := p.Submit(ctx, "rosetta/block", nil)
	queued := p.Submit(ctx, "rosetta/upper", []byte("never"))
	p.Terminate()
	for _, f := range []*pool.Future{running, queued} {
		_, err := f.Wait()
		fmt.Println(errors.Is(err, pool.ErrPoolTerminated))
	}
	// Output:
	// true
	// true
}

// multiprocessing.Manager(): state that lives in one server process and
// is changed only by messages to it. A pool of one worker is that
// server; each call is one proxied method call, and the parent's own
// copy of the variable never changes.
func Example_poolManager() {
	ctx := context.Background()
	manager, err := pool.New(ctx, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer manager.Close()
	for _, n := range []int{1, 2, 3} {
		fmt.Println(tally.Call(ctx, manager, n))
	}
	fmt.Println("the parent's total:", total)
	// Output:
	// 1 <nil>
	// 3 <nil>
	// 6 <nil>
	// the parent's total: 0
}

// multiprocessing.set_start_method("forkserver"): a pool's workers are
// started once, before any task, and reused, so no task waits for a
// process to start; a worker is replaced only when it dies.
func Example_poolForkserver() {
	ctx := context.Background()
	p, err := pool.New(ctx, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	pids, err := workerPID.Map(ctx, p, make([]struct{}, 3))
	fmt.Println(len(pids), pids[0] == pids[1] && pids[1] == pids[2], pids[0] == p.PIDs()[0], err)
	// Output: 3 true true <nil>
}
