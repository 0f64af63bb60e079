package multiprocessing_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/multiprocessing"
)

// The material's Pool.map(fib, [28, 30, 32]) on two workers.
func Example_poolMap() {
	results, err := multiprocessing.MapFib(context.Background(), 2, []int{28, 30, 32})
	if err != nil {
		fmt.Println(err)
		return
	}
	fibs := make([]int, len(results))
	for i, r := range results {
		fibs[i] = r.Fib
	}
	fmt.Println(fibs)
	// Output: [317811 832040 2178309]
}

func TestMapFibReusesItsWorkersAndKeepsInputOrder(t *testing.T) {
	ns := []int{20, 5, 18, 1, 22, 10}
	results, err := multiprocessing.MapFib(t.Context(), 2, ns)
	require.NoError(t, err)
	pids := map[int]bool{}
	for i, r := range results {
		assert.Equal(t, ns[i], r.N, "result %d is for input %d", i, i)
		assert.NotEqual(t, os.Getpid(), r.PID, "computed in the parent")
		pids[r.PID] = true
	}
	assert.Equal(t, []int{6765, 5, 2584, 1, 17711, 55},
		[]int{results[0].Fib, results[1].Fib, results[2].Fib, results[3].Fib, results[4].Fib, results[5].Fib})
	assert.LessOrEqual(t, len(pids), 2, "six tasks, two workers: each worker took several")
}

func TestMapFibRefusesAnImpossibleInput(t *testing.T) {
	_, err := multiprocessing.MapFib(t.Context(), 1, []int{3, -1})
	assert.ErrorContains(t, err, "input 1: pool: multiprocessing/fib-where failed: fib(-1)")
}
