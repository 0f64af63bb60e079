// Claim: a burst of work costs the loop no copying. The ready queue and
// the timer lanes are first-in first-out queues of fixed-size chunks, so
// a burst of 100,000 tasks or timers writes each entry once. A growing
// slice would copy every entry at each growth and leave the old arrays to
// the garbage collector, whose work is what a burst of tasks pays most
// for (see BenchmarkManySleepers).
//
//	go test -run 'TestFIFO' -v ./eventloop/
//
// You will see that 1,000 entries, pushed and popped in rounds of
// different sizes, went through the FIFO in 128-entry chunks, and that
// the last 251 came out in order after a filter.

package eventloop

import "sync"

// chunkLen is how many entries one chunk holds: a few KiB per chunk for
// the loop's entry types, small enough that an idle loop keeps little.
const chunkLen = 128

type chunk[T any] struct {
	items [chunkLen]T
	next  *chunk[T]
}

// fifo is a queue of T kept in a linked list of chunks. The zero value
// is an empty queue. Only the loop's goroutine touches one.
type fifo[T any] struct {
	head, tail *chunk[T]
	r, w       int // the next index to read in head, to write in tail
	n          int
	spare      *chunk[T] // one emptied chunk, kept for the next push
	// pool, if set, is where chunks come from and go back to, shared by
	// every loop: a program that runs loop after loop, as the benchmarks
	// do, reuses their chunks instead of making more garbage.
	pool *sync.Pool
}

// The chunk pools of the loop's two kinds of queue.
var itemChunks, timerChunks sync.Pool

func (q *fifo[T]) newChunk() *chunk[T] {
	if c := q.spare; c != nil {
		q.spare = nil
		return c
	}
	if q.pool != nil {
		if c, ok := q.pool.Get().(*chunk[T]); ok {
			return c
		}
	}
	return new(chunk[T])
}

// freeChunk takes back an empty chunk, all of whose entries are zero.
func (q *fifo[T]) freeChunk(c *chunk[T]) {
	c.next = nil
	switch {
	case q.spare == nil:
		q.spare = c
	case q.pool != nil:
		q.pool.Put(c)
	}
}

// release empties the queue and gives every chunk back to the pool.
func (q *fifo[T]) release() {
	for c := q.head; c != nil; {
		next := c.next
		clear(c.items[:])
		q.freeChunk(c)
		c = next
	}
	if q.spare != nil && q.pool != nil {
		q.pool.Put(q.spare)
	}
	*q = fifo[T]{pool: q.pool}
}

func (q *fifo[T]) len() int { return q.n }

func (q *fifo[T]) push(v T) {
	if q.tail == nil || q.w == chunkLen {
		q.grow()
	}
	q.tail.items[q.w] = v
	q.w++
	q.n++
}

// grow adds an empty chunk at the tail.
func (q *fifo[T]) grow() {
	c := q.newChunk()
	if q.tail == nil {
		q.head, q.r = c, 0
	} else {
		q.tail.next = c
	}
	q.tail, q.w = c, 0
}

// front is the oldest entry, which stays in the queue; q must not be
// empty.
func (q *fifo[T]) front() *T { return &q.head.items[q.r] }

// pop takes the oldest entry out; q must not be empty.
func (q *fifo[T]) pop() T {
	c := q.head
	v := c.items[q.r]
	var zero T
	c.items[q.r] = zero // let the GC have what the entry pointed to
	q.r++
	q.n--
	switch {
	case q.r < chunkLen:
		if q.n == 0 {
			q.r, q.w = 0, 0 // empty: head is tail, start it over
		}
	case c.next == nil:
		q.r, q.w = 0, 0 // the one chunk is used up and empty: reuse it
	default:
		q.head, q.r = c.next, 0
		q.freeChunk(c)
	}
	return v
}

// filter keeps only the entries for which keep is true, in order.
func (q *fifo[T]) filter(keep func(*T) bool) {
	old := *q
	old.spare = nil
	*q = fifo[T]{spare: q.spare, pool: q.pool}
	for old.n > 0 {
		if v := old.pop(); keep(&v) {
			q.push(v)
		}
	}
}
