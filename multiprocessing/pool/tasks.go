// Functions every program that imports this package can run in a worker,
// registered here so that other chapters (bench, hybrid) can use them
// without registering their own.

package pool

import (
	"fmt"

	"github.com/concurrency-atlas/atlas/internal/fib"
)

// Fib runs fib.Fib in a worker: the classic CPU-bound task.
var Fib = Define("atlas/fib", func(n int) (int, error) {
	if n < 0 || n > 60 {
		return 0, fmt.Errorf("fib(%d): n must be in [0, 60]", n)
	}
	return fib.Fib(n), nil
})

// Echo is the name of a function that returns its argument unchanged: the
// smallest possible task, for measuring the cost of a round trip.
const Echo = "atlas/echo"

func init() {
	Register(Echo, func(arg []byte) ([]byte, error) { return arg, nil })
}
