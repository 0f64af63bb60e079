// Command unservedstart is the mistake pool.ServeIfWorker's
// comment warns about: main calls Start but never ServeIfWorker. The child
// Start launches is this program again, and without ServeIfWorker to turn
// it into a worker it runs main a second time. Join must say so, rather
// than pass off whatever main printed as the function's result.
// TestStartNoticesAMissingServeIfWorker runs it through scene.Program.
package main

import (
	"context"
	"fmt"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func main() {
	// pool.ServeIfWorker() belongs here.
	p, err := multiprocessing.Start(context.Background(), pool.Echo, []byte("hello"))
	if err != nil {
		// Only the child gets here: a process started as a worker may not
		// start workers of its own, or each generation would start the next.
		fmt.Println("main ran again in the child:", err)
		return
	}
	res, err := p.Join()
	fmt.Println("Join:", err)
	fmt.Printf("child: %s, stdout %q\n", res.Exit, res.Stdout)
}
