// Claim T1: threads are started and joined, and tasks that wait overlap:
// three tasks that each sleep 2 s finish together in 2 s, not 6 s.
//
//	go test -run 'SquaresAndCubes|ThreeSleepers' -v ./threading/
//
// You will see ExampleSquaresAndCubes pass, the material's two-function
// example (one goroutine squares, one cubes, main joins both) printing
// what its Output comment says, and TestThreeSleepersFinishInOneSleep log
// "three 2 s sleeps together: 2s of virtual time" and "the same sleeps in
// turn: 6s".

package threading

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

// SquaresAndCubes computes squares and cubes of nums in two goroutines and
// joins them. Each goroutine writes only its own slice, and wg.Wait orders
// both writes before the return, so no lock is needed.
func SquaresAndCubes(nums []int) (squares, cubes []int) {
	squares = make([]int, len(nums))
	cubes = make([]int, len(nums))
	var wg sync.WaitGroup
	wg.Go(func() {
		for i, n := range nums {
			squares[i] = n * n
		}
	})
	wg.Go(func() {
		for i, n := range nums {
			cubes[i] = n * n * n
		}
	})
	wg.Wait()
	return squares, cubes
}

// SleepTogether starts one goroutine per duration, each waiting that long,
// and returns when all of them have finished: the wall time is the longest
// wait, not the sum.
func SleepTogether(ctx context.Context, waits []time.Duration) error {
	if err := checkWaits(waits); err != nil {
		return err
	}
	errs := make([]error, len(waits))
	var wg sync.WaitGroup
	for i, d := range waits {
		wg.Go(func() { errs[i] = workload.SimulatedIO(ctx, d) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// SleepInTurn waits for each duration one after the other, on the calling
// goroutine: the wall time is the sum. It is the baseline SleepTogether
// is compared with.
func SleepInTurn(ctx context.Context, waits []time.Duration) error {
	if err := checkWaits(waits); err != nil {
		return err
	}
	for _, d := range waits {
		if err := workload.SimulatedIO(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

func checkWaits(waits []time.Duration) error {
	for i, d := range waits {
		if d < 0 {
			return fmt.Errorf("threading: wait %d is negative (%v)", i, d)
		}
	}
	return nil
}
