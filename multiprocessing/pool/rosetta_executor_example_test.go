// Claim: concurrent.futures.ProcessPoolExecutor's calls each have a
// spelling on this package's pool: Submit and its Future, Func.Map, a
// select on Done for wait and as_completed, a context per task for
// cancel_futures, and Func.On for an event loop's run_in_executor. A dead
// worker costs one task, not the pool. ROSETTA.md at the module root lists
// the rows these Examples prove.
//
//	go test -run 'Example_processPool' -v ./multiprocessing/pool/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment (in any order for as_completed).

package pool_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

var exitWith = pool.Define("rosetta/exit", func(code int) (int, error) {
	os.Exit(code)
	return 0, nil
})

func init() {
	// rosetta/wait-parent tells the parent, over a loopback connection,
	// that it is running, and returns when the parent writes a byte.
	pool.Register("rosetta/wait-parent", func(addr []byte) ([]byte, error) {
		c, err := net.Dial("tcp", string(addr))
		if err != nil {
			return nil, err
		}
		defer c.Close()
		if _, err := c.Read(make([]byte, 1)); err != nil {
			return nil, err
		}
		return []byte("released"), nil
	})
}

// executor.submit(fn, x) and future.result(): Submit returns at once; the
// Future's Done channel is closed when the outcome is in, and Wait
// returns it.
func Example_processPoolExecutorSubmit() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	fut := p.Submit(ctx, "rosetta/upper", []byte("from a worker"))
	<-fut.Done() // future.done() becomes true
	out, err := fut.Wait()
	fmt.Println(string(out), err)
	// Output: FROM A WORKER <nil>
}

// executor.map(fn, items): Func.Map, results in input order. Python
// raises the first failure while you iterate; Map waits for every task,
// returns what succeeded and joins the failures, each naming its index.
func Example_processPoolExecutorMap() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	results, err := pool.Fib.Map(ctx, p, []int{10, -1, 20})
	fmt.Println(results)
	if taskErr := (*pool.TaskError)(nil); errors.As(err, &taskErr) {
		fmt.Println("failed in the worker:", taskErr.Message)
	} else {
		fmt.Println(err)
	}
	// Output:
	// [55 0 6765]
	// failed in the worker: fib(-1): n must be in [0, 60]
}

// as_completed over ProcessPoolExecutor futures: one goroutine per
// Future waits for it and passes it on, so they arrive as they finish.
func Example_processPoolExecutorAsCompleted() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	words := []string{"alpha", "beta", "gamma"}
	finished := make(chan string)
	for _, w := range words {
		fut := p.Submit(ctx, "rosetta/upper", []byte(w))
		go func() {
			out, err := fut.Wait()
			finished <- fmt.Sprint(string(out), " ", err)
		}()
	}
	for range words {
		fmt.Println(<-finished)
	}
	// Unordered output:
	// ALPHA <nil>
	// BETA <nil>
	// GAMMA <nil>
}

// wait(fs, return_when=FIRST_COMPLETED) over ProcessPoolExecutor futures:
// a select on the Futures' Done channels. Cancelling the context of the
// one still running kills its worker, which the pool replaces; Python
// cannot cancel a future that has started.
func Example_processPoolExecutorWaitFirstCompleted() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	slowCtx, cancelSlow := context.WithCancel(ctx)
	defer cancelSlow()
	slow := p.Submit(slowCtx, "rosetta/block", nil)
	quick := p.Submit(ctx, "rosetta/upper", []byte("quick"))
	select {
	case <-quick.Done():
		out, err := quick.Wait()
		fmt.Println("first:", string(out), err)
	case <-slow.Done():
		fmt.Println("first: slow")
	}
	cancelSlow()
	_, err = slow.Wait()
	fmt.Println("the other:", err)
	// Output:
	// first: QUICK <nil>
	// the other: context canceled
}

// executor.shutdown(wait=True, cancel_futures=True): give the queued
// tasks a context of their own and cancel it, then Close, which lets the
// running task finish. (Terminate would kill that one too.)
func Example_processPoolExecutorShutdownCancelFutures() {
	ctx := context.Background()
	p, err := pool.New(ctx, 1, pool.WithPrefetch(0))
	if err != nil {
		fmt.Println(err)
		return
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	running := p.Submit(ctx, "rosetta/wait-parent", []byte(ln.Addr().String()))
	conn, err := ln.Accept() // the task is running in the one worker now
	if err != nil {
		fmt.Println(err)
		return
	}
	defer conn.Close()
	queuedCtx, cancelQueued := context.WithCancel(ctx)
	queued := []*pool.Future{
		p.Submit(queuedCtx, "rosetta/upper", []byte("b")),
		p.Submit(queuedCtx, "rosetta/upper", []byte("c")),
	}
	cancelQueued() // cancel_futures=True
	for _, f := range queued {
		_, err := f.Wait()
		fmt.Println("queued:", err)
	}
	_, _ = conn.Write([]byte{1}) // let the running task finish
	out, err := running.Wait()
	fmt.Println("running:", string(out), err)
	fmt.Println("close:", p.Close()) // wait=True
	// Output:
	// queued: context canceled
	// queued: context canceled
	// running: released <nil>
	// close: <nil>
}

// concurrent.futures.process.BrokenProcessPool: Python marks the whole
// pool broken when one worker dies. Here the task whose worker died gets
// a *WorkerDiedError, the pool starts a replacement, and the next task
// runs.
func Example_processPoolBroken() {
	ctx := context.Background()
	p, err := pool.New(ctx, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	_, err = exitWith.Call(ctx, p, 7)
	if died := (*pool.WorkerDiedError)(nil); errors.As(err, &died) {
		fmt.Println("worker died:", died.Exit)
	} else {
		fmt.Println(err)
	}
	fmt.Println(pool.Fib.Call(ctx, p, 20))
	// Output:
	// worker died: exit status 7
	// 6765 <nil>
}

// loop.run_in_executor(ProcessPoolExecutor(), fn, x): Func.On binds the
// function to a pool as an eventloop.Executor; the task awaits the worker
// process while the loop serves its other tasks.
func Example_processPoolRunInExecutor() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	fib := pool.Fib.On(p)
	got, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]int, error) {
		var calls []eventloop.Awaitable[int]
		for _, n := range []int{20, 25} {
			calls = append(calls, eventloop.CreateTask(co, fmt.Sprint("fib ", n), func(co *eventloop.Coro) (int, error) {
				return eventloop.RunInExecutor(co, fib, n)
			}))
		}
		return eventloop.Gather(co, calls...)
	})
	fmt.Println(got, err)
	// Output: [6765 75025] <nil>
}
