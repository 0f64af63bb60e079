package threading_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/threading"
)

// counters is the Counter table: the hazard first, then every fix. Each
// constructor also returns how to release the counter. BenchmarkCounter
// prices them all; only the safe ones are held to the contract, and the
// unsynchronised one is driven from many goroutines only in the child
// process of TestDataRaceIsReportedByTheDetector.
var counters = []struct {
	name string
	safe bool
	make func() (threading.Counter, func())
}{
	{"unsynchronised", false, func() (threading.Counter, func()) { return &threading.LostUpdateCounter{}, func() {} }},
	{"mutex", true, func() (threading.Counter, func()) { return &threading.MutexCounter{}, func() {} }},
	{"rwmutex", true, func() (threading.Counter, func()) { return &threading.RWMutexCounter{}, func() {} }},
	{"atomic", true, func() (threading.Counter, func()) { return &threading.AtomicCounter{}, func() {} }},
	{"owner-goroutine", true, func() (threading.Counter, func()) { c := threading.NewOwnerCounter(); return c, c.Close }},
	{"semaphore", true, func() (threading.Counter, func()) { return threading.NewSemaphoreCounter(), func() {} }},
	{"chan-semaphore", true, func() (threading.Counter, func()) { return threading.NewChanSemaphoreCounter(), func() {} }},
}

// incrementFromMany has goroutines goroutines call c.Inc each times while
// one more reads c.Value, and returns the count once all are done.
func incrementFromMany(c threading.Counter, goroutines, each int) int64 {
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
	return c.Value()
}

func TestSafeCounterReachesExactlyN(t *testing.T) {
	goroutines, each := 16, 1000
	if testing.Short() {
		each = 100
	}
	for _, kind := range counters {
		if !kind.safe {
			continue
		}
		t.Run(kind.name, func(t *testing.T) {
			c, release := kind.make()
			defer release()
			got := incrementFromMany(c, goroutines, each)
			t.Logf("%d goroutines x %d increments: counted %d", goroutines, each, got)
			assert.Equal(t, int64(goroutines*each), got)
		})
	}
}

// Every counter, the unsynchronised one included, counts right when only
// one goroutine uses it: the contract is about sharing.
func TestEveryCounterIsExactOnOneGoroutine(t *testing.T) {
	for _, kind := range counters {
		t.Run(kind.name, func(t *testing.T) {
			c, release := kind.make()
			defer release()
			assert.Zero(t, c.Value())
			for range 100 {
				c.Inc()
			}
			assert.Equal(t, int64(100), c.Value())
		})
	}
}

func ExampleOwnerCounter() {
	c := threading.NewOwnerCounter()
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
