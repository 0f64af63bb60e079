package pool_test

import (
	"context"
	"fmt"

	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// The material's Pool.map(fib, [28, 30, 32]): two worker processes, three
// inputs, results in input order.
func ExampleFunc_Map() {
	ctx := context.Background()
	p, err := pool.New(ctx, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()

	results, err := pool.Fib.Map(ctx, p, []int{28, 30, 32})
	fmt.Println(results, err)
	// Output: [317811 832040 2178309] <nil>
}
