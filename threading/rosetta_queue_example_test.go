// Claim: Python's queue module maps onto Go's channels, with
// sync.WaitGroup for task_done and join, select for the timeouts and the
// non-blocking calls, close for shutdown, and container/heap for the
// priority queue; ROSETTA.md at the module root lists each row, and these
// Examples prove them.
//
//	go test -run 'Example_queue' -v ./threading/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package threading_test

import (
	"container/heap"
	"fmt"
	"sync"
	"time"
)

// queue.Queue(maxsize=2), put and get: a channel with a buffer of 2. A
// send waits while the buffer is full, a receive while it is empty.
func Example_queueQueue() {
	q := make(chan int, 2)
	go func() {
		for i := range 5 {
			q <- i // q.put(i): waits while two items are waiting
		}
		close(q)
	}()
	for v := range q { // v = q.get(), until the queue is closed
		fmt.Print(v, " ")
	}
	fmt.Println("cap", cap(q))
	// Output: 0 1 2 3 4 cap 2
}

// q.task_done() and q.join(): a channel does not count finished work; a
// sync.WaitGroup beside it does. Add before each put, Done after each
// item is handled, Wait to join.
func Example_queueTaskDone() {
	q := make(chan int, 10)
	var pending sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for range 3 { // three workers, as daemon threads would be
		go func() {
			for v := range q {
				mu.Lock()
				sum += v
				mu.Unlock()
				pending.Done() // q.task_done()
			}
		}()
	}
	for i := 1; i <= 10; i++ {
		pending.Add(1)
		q <- i
	}
	pending.Wait() // q.join()
	close(q)       // the workers end, rather than leaking as daemons would
	mu.Lock()
	fmt.Println(sum)
	mu.Unlock()
	// Output: 55
}

// q.get(timeout=0.001) and queue.Empty: select on the channel and a
// timer; the timer's case is the exception.
func Example_queueGetTimeout() {
	q := make(chan int)
	select {
	case v := <-q:
		fmt.Println("got", v)
	case <-time.After(time.Millisecond):
		fmt.Println("empty after 1ms")
	}
	// Output: empty after 1ms
}

// q.get_nowait() and q.put_nowait(v), with queue.Empty and queue.Full:
// select with a default case never waits.
func Example_queueNowait() {
	q := make(chan int, 1)
	put := func(v int) bool {
		select {
		case q <- v:
			return true
		default:
			return false // queue.Full
		}
	}
	get := func() (int, bool) {
		select {
		case v := <-q:
			return v, true
		default:
			return 0, false // queue.Empty
		}
	}
	fmt.Println(put(1), put(2))
	fmt.Println(get())
	fmt.Println(get())
	// Output:
	// true false
	// 1 true
	// 0 false
}

// q.shutdown(), or a None sentinel per consumer: close(q). Every
// consumer's range ends once the items left are taken; a send on a
// closed channel panics, as a put after shutdown raises.
func Example_queueShutdown() {
	q := make(chan string, 3)
	q <- "a"
	q <- "b"
	close(q)
	for v := range q {
		fmt.Println("got", v)
	}
	v, ok := <-q
	fmt.Printf("after shutdown: %q %v\n", v, ok)
	// Output:
	// got a
	// got b
	// after shutdown: "" false
}

// stack is a LIFO queue safe for several goroutines. Pop does not wait
// for an item; a blocking one would wait on a sync.Cond.
type stack[T any] struct {
	mu    sync.Mutex
	items []T
}

func (s *stack[T]) Push(v T) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, v)
}

func (s *stack[T]) Pop() (T, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

// queue.LifoQueue(): no standard type; a slice used as a stack behind a
// mutex.
func Example_queueLifoQueue() {
	var s stack[string]
	for _, v := range []string{"first", "second", "third"} {
		s.Push(v)
	}
	for v, ok := s.Pop(); ok; v, ok = s.Pop() {
		fmt.Println(v)
	}
	// Output:
	// third
	// second
	// first
}

// job is an entry of the priority queue: lower priority first.
type job struct {
	priority int
	name     string
}

// jobHeap implements heap.Interface over jobs.
type jobHeap []job

func (h jobHeap) Len() int           { return len(h) }
func (h jobHeap) Less(i, j int) bool { return h[i].priority < h[j].priority }
func (h jobHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *jobHeap) Push(x any)        { *h = append(*h, x.(job)) }
func (h *jobHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// queue.PriorityQueue() with (priority, item) tuples: container/heap over
// a slice; guard it with a mutex when several goroutines share it.
func Example_queuePriorityQueue() {
	h := &jobHeap{}
	for _, j := range []job{{3, "low"}, {1, "urgent"}, {2, "normal"}} {
		heap.Push(h, j)
	}
	for h.Len() > 0 {
		fmt.Println(heap.Pop(h).(job).name)
	}
	// Output:
	// urgent
	// normal
	// low
}
