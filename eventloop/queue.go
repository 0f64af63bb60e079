// Claim A6, with a queue: a task that waits on a queue pauses itself, not
// the loop. Get waits while the queue is empty and Put while it is full,
// so a bounded queue makes a fast producer keep pace with a slow consumer
// while the loop serves everyone else.
//
//	go test -run TestQueue -v ./eventloop/
//
// You will see producer and consumer take turns: put 0 at 0s, got 0 at
// 1s, put 1 at 1s, and so on up to got 2 at 3s.

package eventloop

import "errors"

// Queue is asyncio.Queue: FIFO, optionally bounded, for tasks of one loop.
type Queue[T any] struct {
	loop    *Loop
	max     int
	items   []T
	getters []waiter
	putters []waiter
}

// NewQueue makes a queue holding at most maxSize items (0: no limit).
func NewQueue[T any](l *Loop, maxSize int) (*Queue[T], error) {
	if l == nil {
		return nil, ErrNilLoop
	}
	if maxSize < 0 {
		return nil, errors.New("eventloop: queue size must be zero (unbounded) or more")
	}
	return &Queue[T]{loop: l, max: maxSize}, nil
}

// Len is the number of items waiting (0 for a nil queue). Like the
// queue's other methods it belongs to the loop's goroutine.
func (q *Queue[T]) Len() int {
	if q == nil {
		return 0
	}
	return len(q.items)
}

// usable checks what Put and Get need beyond co's own check: a queue,
// and one of co's loop.
func (q *Queue[T]) usable(co *Coro) error {
	if err := co.check(); err != nil {
		return err
	}
	if q == nil {
		return ErrNilQueue
	}
	if q.loop != co.loop {
		return ErrOtherLoop
	}
	return nil
}

func (q *Queue[T]) full() bool { return q.max > 0 && len(q.items) >= q.max }

// Put adds v, pausing the task while the queue is full. Another goroutine
// that calls it with a task's handle gets ErrNotThisTask (see Coro.check).
func (q *Queue[T]) Put(co *Coro, v T) error {
	if err := q.usable(co); err != nil {
		return err
	}
	for q.full() {
		q.putters = append(q.putters, co.waiter())
		if err := co.suspend(); err != nil {
			// It may have been woken for a free slot it will not use.
			q.wakeNext(&q.putters, !q.full())
			return err
		}
	}
	q.items = append(q.items, v)
	q.wakeNext(&q.getters, true)
	return nil
}

// Get takes the oldest item, pausing the task while the queue is empty.
func (q *Queue[T]) Get(co *Coro) (T, error) {
	var zero T
	if err := q.usable(co); err != nil {
		return zero, err
	}
	for len(q.items) == 0 {
		q.getters = append(q.getters, co.waiter())
		if err := co.suspend(); err != nil {
			q.wakeNext(&q.getters, len(q.items) > 0)
			return zero, err
		}
	}
	v := q.items[0]
	q.items[0] = zero
	q.items = q.items[1:]
	q.wakeNext(&q.putters, true)
	return v, nil
}

// wakeNext wakes the first waiter still waiting in the wait it registered
// for, skipping those that were cancelled or woken already.
func (q *Queue[T]) wakeNext(ws *[]waiter, cond bool) {
	if !cond {
		return
	}
	for len(*ws) > 0 {
		w := (*ws)[0]
		*ws = (*ws)[1:]
		if w.co.state == coSuspended && w.co.gen == w.gen && !w.co.cancelReq {
			q.loop.schedule(w.co, w.gen)
			return
		}
	}
}
