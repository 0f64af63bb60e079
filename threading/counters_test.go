package threading

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// safeCounters are the implementations that share the Counter contract.
// Each constructor also returns how to release the counter.
var safeCounters = []struct {
	name string
	make func() (Counter, func())
}{
	{"mutex", func() (Counter, func()) { return &MutexCounter{}, func() {} }},
	{"rwmutex", func() (Counter, func()) { return &RWMutexCounter{}, func() {} }},
	{"atomic", func() (Counter, func()) { return &AtomicCounter{}, func() {} }},
	{"owner-goroutine", func() (Counter, func()) { c := NewOwnerCounter(); return c, c.Close }},
	{"semaphore", func() (Counter, func()) { return NewSemaphoreCounter(), func() {} }},
	{"chan-semaphore", func() (Counter, func()) { return NewChanSemaphoreCounter(), func() {} }},
}

func TestSafeCounterReachesExactlyN(t *testing.T) {
	goroutines, each := 16, 1000
	if testing.Short() {
		each = 100
	}
	for _, sc := range safeCounters {
		t.Run(sc.name, func(t *testing.T) {
			c, release := sc.make()
			defer release()
			var wg sync.WaitGroup
			for range goroutines {
				wg.Go(func() {
					for range each {
						c.Inc()
					}
				})
			}
			// Reads while writers run must be safe too.
			wg.Go(func() {
				for range 10 {
					_ = c.Value()
				}
			})
			wg.Wait()
			assert.Equal(t, int64(goroutines*each), c.Value())
		})
	}
}

func ExampleOwnerCounter() {
	c := NewOwnerCounter()
	defer c.Close()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 250 {
				c.Inc()
			}
		})
	}
	wg.Wait()
	fmt.Println(c.Value())
	// Output: 1000
}
