// Claim T4: synchronisation has a hidden cost. Goroutines that never share
// a variable can still fight over memory when their variables share a
// cache line: each write takes the whole line away from the other cores
// (false sharing).
//
//	go test -run '^$' -bench FalseSharing -cpu 1,2,4 ./threading/
//
// You will see ns/increment lower for the padded counters than for the
// unpadded ones once there is more than one P; at -cpu 1 they cost the
// same.

package threading

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// padBytes keeps each padded counter in a 128-byte block of its own: one
// 64-byte line, plus the neighbouring line that some CPUs fetch in pairs.
const padBytes = 128

type unpaddedSlot struct{ n atomic.Int64 }

type paddedSlot struct {
	n atomic.Int64
	_ [padBytes - 8]byte
}

// CountUnpadded has each of goroutines add 1 to its own counter each
// times. The counters sit next to each other, eight to a cache line.
func CountUnpadded(goroutines, each int) ([]int64, error) {
	if err := checkSpread(goroutines, each); err != nil {
		return nil, err
	}
	slots := make([]unpaddedSlot, goroutines)
	var wg sync.WaitGroup
	for g := range slots {
		s := &slots[g]
		wg.Go(func() {
			for range each {
				s.n.Add(1)
			}
		})
	}
	wg.Wait()
	out := make([]int64, goroutines)
	for g := range slots {
		out[g] = slots[g].n.Load()
	}
	return out, nil
}

// CountPadded does the same work with each counter on its own line.
func CountPadded(goroutines, each int) ([]int64, error) {
	if err := checkSpread(goroutines, each); err != nil {
		return nil, err
	}
	slots := make([]paddedSlot, goroutines)
	var wg sync.WaitGroup
	for g := range slots {
		s := &slots[g]
		wg.Go(func() {
			for range each {
				s.n.Add(1)
			}
		})
	}
	wg.Wait()
	out := make([]int64, goroutines)
	for g := range slots {
		out[g] = slots[g].n.Load()
	}
	return out, nil
}

func checkSpread(goroutines, each int) error {
	if goroutines < 1 || each < 0 {
		return fmt.Errorf("threading: need at least 1 goroutine and a non-negative count, got %d and %d", goroutines, each)
	}
	return nil
}
