// Claim T4: sync.Cond lets goroutines wait for a condition on shared state
// (here "not full" and "not empty") without polling.
//
//	go test -race -run BoundedQueue -v ./threading/
//
// You will see TestBoundedQueuePutBlocksWhileFull pass, a Put on a full
// queue staying blocked (checked in a synctest bubble) until a Take makes
// room, and TestBoundedQueueHandsOverEveryItemOnce pass: three producers
// and three consumers hand over each of 600 items exactly once.

package threading

import (
	"fmt"
	"sync"
)

// BoundedQueue is a FIFO of at most Cap items. Put waits while it is full
// and Take waits while it is empty.
type BoundedQueue[T any] struct {
	mu       sync.Mutex
	notFull  *sync.Cond
	notEmpty *sync.Cond
	items    []T
	capacity int
}

// NewBoundedQueue makes a queue holding up to capacity items.
func NewBoundedQueue[T any](capacity int) (*BoundedQueue[T], error) {
	if capacity < 1 {
		return nil, fmt.Errorf("threading: queue capacity must be at least 1, got %d", capacity)
	}
	q := &BoundedQueue[T]{capacity: capacity}
	q.notFull = sync.NewCond(&q.mu)
	q.notEmpty = sync.NewCond(&q.mu)
	return q, nil
}

// Put appends v, waiting for room.
func (q *BoundedQueue[T]) Put(v T) {
	q.mu.Lock()
	defer q.mu.Unlock()
	// Wait in a loop: another Put may take the room between the Signal
	// and this goroutine getting the lock back.
	for len(q.items) == q.capacity {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}

// Take removes the oldest item, waiting for one.
func (q *BoundedQueue[T]) Take() T {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	v := q.items[0]
	var zero T
	q.items[0] = zero
	q.items = q.items[1:]
	q.notFull.Signal()
	return v
}

// Len is how many items are queued.
func (q *BoundedQueue[T]) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
