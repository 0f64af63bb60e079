// Command smallworker is a worker program and nothing else: it links only
// the pool (which registers pool.Fib and pool.Echo) and the
// multiprocessing chapter's Start, so that a worker started from it pays
// for no package it does not use. Built with CGO_ENABLED=0 it is also
// statically linked, so no dynamic loader runs either.
//
//	CGO_ENABLED=0 go build -o /tmp/smallworker ./testdata/programs/smallworker
//
// Then pool.New(ctx, n, pool.WithProgram("/tmp/smallworker")) starts its
// workers from it, and multiprocessing.StartProgram one-off processes.
// Started by hand it says what it is for and exits with status 2.
package main

import (
	"fmt"
	"os"

	_ "github.com/concurrency-atlas/atlas/multiprocessing" // Start's one-off entry point
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func main() {
	pool.ServeIfWorker()
	fmt.Fprintln(os.Stderr, "smallworker: start it through pool.WithProgram or multiprocessing.StartProgram")
	os.Exit(2)
}
