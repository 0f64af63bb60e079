// Command poolmap is the chapter's pool outside any test: a plain program
// that maps Fibonacci over three inputs on two worker processes, each a
// copy of this very executable.
//
//	go run ./multiprocessing/cmd/poolmap
//
// You will see [317811 832040 2178309], computed by two other processes.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func main() {
	// First thing: if this process was started as a worker, serve and
	// exit here; main's own code below runs only in the parent.
	pool.ServeIfWorker()

	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer p.Close()

	results, err := pool.Fib.Map(ctx, p, []int{28, 30, 32})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(results)
}
