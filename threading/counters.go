// Claim T4: the lost update has many fixes, each with its price. Every way
// Go offers stands behind one Counter interface, next to the
// unsynchronised LostUpdateCounter they fix, so that one contract test
// holds the fixes to the same promise and one benchmark prices them all.
//
//	go test -race -run SafeCounter -v ./threading/
//	go test -run '^$' -bench Counter -cpu 1,2,4 ./threading/
//
// You will see one subtest of TestSafeCounterReachesExactlyN per safe
// counter (mutex, rwmutex, atomic, owner-goroutine, semaphore,
// chan-semaphore) log "16 goroutines x 1000 increments: counted 16000"
// under -race; and ns/op for every counter, uncontended (one goroutine)
// and contended (one per P), with the unsynchronised counter as the
// baseline that pays for no synchronisation at all.

package threading

import (
	"context"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
)

// Counter is a count that goroutines increment. The counters of
// counters.go may be incremented by many goroutines at once;
// LostUpdateCounter (datarace.go), the hazard they fix, may not.
type Counter interface {
	Inc()
	Value() int64
}

// MutexCounter serialises increments with a sync.Mutex.
type MutexCounter struct {
	mu sync.Mutex
	n  int64
}

func (c *MutexCounter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *MutexCounter) Value() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// RWMutexCounter takes the write lock to increment and the shared read
// lock to read. It only pays off when reads dominate (see ReadHeavyCache).
type RWMutexCounter struct {
	mu sync.RWMutex
	n  int64
}

func (c *RWMutexCounter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *RWMutexCounter) Value() int64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.n
}

// AtomicCounter makes read-add-write one indivisible instruction.
type AtomicCounter struct{ n atomic.Int64 }

func (c *AtomicCounter) Inc()         { c.n.Add(1) }
func (c *AtomicCounter) Value() int64 { return c.n.Load() }

// OwnerCounter shares nothing: one goroutine owns the count and everyone
// else sends it messages. Close stops the owner.
type OwnerCounter struct {
	inc  chan struct{}
	read chan chan int64
	done chan struct{}
}

// NewOwnerCounter starts the owning goroutine.
func NewOwnerCounter() *OwnerCounter {
	c := &OwnerCounter{inc: make(chan struct{}), read: make(chan chan int64), done: make(chan struct{})}
	go c.own()
	return c
}

func (c *OwnerCounter) own() {
	var n int64
	for {
		select {
		case <-c.inc:
			n++
		case reply := <-c.read:
			reply <- n
		case <-c.done:
			return
		}
	}
}

func (c *OwnerCounter) Inc() { c.inc <- struct{}{} }

func (c *OwnerCounter) Value() int64 {
	reply := make(chan int64)
	c.read <- reply
	return <-reply
}

// Close stops the owner; the counter must not be used afterwards.
func (c *OwnerCounter) Close() { close(c.done) }

// SemaphoreCounter guards the count with a weighted semaphore of size one
// (golang.org/x/sync/semaphore): a mutex that could also admit k holders.
type SemaphoreCounter struct {
	sem *semaphore.Weighted
	n   int64
}

func NewSemaphoreCounter() *SemaphoreCounter {
	return &SemaphoreCounter{sem: semaphore.NewWeighted(1)}
}

// Acquire can only fail when its context ends; Background never does.
func (c *SemaphoreCounter) Inc() {
	_ = c.sem.Acquire(context.Background(), 1)
	c.n++
	c.sem.Release(1)
}

func (c *SemaphoreCounter) Value() int64 {
	_ = c.sem.Acquire(context.Background(), 1)
	defer c.sem.Release(1)
	return c.n
}

// ChanSemaphoreCounter uses a buffered channel of capacity one as the
// semaphore: sending takes the slot, receiving gives it back.
type ChanSemaphoreCounter struct {
	slot chan struct{}
	n    int64
}

func NewChanSemaphoreCounter() *ChanSemaphoreCounter {
	return &ChanSemaphoreCounter{slot: make(chan struct{}, 1)}
}

func (c *ChanSemaphoreCounter) Inc() {
	c.slot <- struct{}{}
	c.n++
	<-c.slot
}

func (c *ChanSemaphoreCounter) Value() int64 {
	c.slot <- struct{}{}
	defer func() { <-c.slot }()
	return c.n
}
