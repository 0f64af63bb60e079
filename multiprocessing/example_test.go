package multiprocessing_test

import (
	"context"
	"fmt"

	"github.com/concurrency-atlas/atlas/multiprocessing"
)

// Three processes, each running one task, and a parent that joins them
// all: the material's first process example.
func Example_startJoin() {
	ctx := context.Background()
	var procs []*multiprocessing.Process
	for _, n := range []string{"20", "21", "22"} {
		p, err := multiprocessing.Start(ctx, "example/fibtext", []byte(n))
		if err != nil {
			fmt.Println(err)
			return
		}
		procs = append(procs, p)
	}
	for _, p := range procs {
		res, err := p.Join()
		fmt.Printf("%s: %s, %v\n", res.Stdout, res.Exit, err)
	}
	// Output:
	// fib(20) = 6765: exit status 0, <nil>
	// fib(21) = 10946: exit status 0, <nil>
	// fib(22) = 17711: exit status 0, <nil>
}
