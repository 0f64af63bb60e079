package threading_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/threading"
)

func TestLazyLoadsOnce(t *testing.T) {
	var loads atomic.Int32
	l := threading.NewLazy(func() []int {
		loads.Add(1)
		return []int{1, 2, 3}
	})
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() { assert.Equal(t, []int{1, 2, 3}, l.Get()) })
	}
	wg.Wait()
	t.Logf("32 callers, %d load", loads.Load())
	assert.Equal(t, int32(1), loads.Load())
}
