package threading_test

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/threading"
)

func TestBoundedQueuePutBlocksWhileFull(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q, err := threading.NewBoundedQueue[int](2)
		require.NoError(t, err)
		q.Put(1)
		q.Put(2)
		var putDone atomic.Bool
		go func() {
			q.Put(3)
			putDone.Store(true)
		}()
		// Wait until the third Put is parked in Cond.Wait (synctest counts
		// that as durably blocked): it has not got in.
		synctest.Wait()
		assert.False(t, putDone.Load(), "Put on a full queue must wait")
		assert.Equal(t, 2, q.Len())

		assert.Equal(t, 1, q.Take())
		synctest.Wait()
		assert.True(t, putDone.Load(), "Take made room")
		assert.Equal(t, 2, q.Take())
		assert.Equal(t, 3, q.Take())
	})
}

func TestBoundedQueueHandsOverEveryItemOnce(t *testing.T) {
	q, err := threading.NewBoundedQueue[int](3)
	require.NoError(t, err)
	producers, each := 3, 200
	var wg sync.WaitGroup
	for p := range producers {
		wg.Go(func() {
			for i := range each {
				q.Put(p*each + i)
			}
		})
	}
	seen := make([]int, producers*each)
	var consumers sync.WaitGroup
	var mu sync.Mutex
	for range 3 {
		consumers.Go(func() {
			for range producers * each / 3 {
				v := q.Take()
				mu.Lock()
				seen[v]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	consumers.Wait()
	for v, n := range seen {
		require.Equal(t, 1, n, "item %d", v)
	}
}

func TestBoundedQueueRejectsBadCapacity(t *testing.T) {
	_, err := threading.NewBoundedQueue[int](0)
	assert.EqualError(t, err, "threading: queue capacity must be at least 1, got 0")
}
