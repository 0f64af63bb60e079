// Claim: every construct of Python's threading module that the material
// uses has an idiomatic Go spelling, nearly always in the standard
// library; ROSETTA.md at the module root lists them, one row each, and
// these Examples prove the rows. Their output never depends on timing:
// channels and WaitGroups order what they print.
//
//	go test -run 'Example_threading' -v ./threading/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package threading_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

// threading.Thread(target=f).start() and .join(): go starts a goroutine;
// a sync.WaitGroup joins a set of them (Go's WaitGroup.Go does both).
func Example_threadingThread() {
	squares := make([]int, 4)
	var wg sync.WaitGroup
	for i := range squares {
		wg.Go(func() { squares[i] = i * i }) // each goroutine writes its own element
	}
	wg.Wait()
	fmt.Println(squares)
	// Output: [0 1 4 9]
}

// threading.Thread(daemon=True): every goroutine is a daemon; when main
// returns, the program ends without waiting for any of them. One that
// must stop cleanly is told to, through a context, and waited for.
func Example_threadingDaemon() {
	ctx, stop := context.WithCancel(context.Background())
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		<-ctx.Done() // background work would loop here until told to stop
		fmt.Println("background: stopping:", ctx.Err())
	}()
	stop()
	<-finished
	fmt.Println("main: done")
	// Output:
	// background: stopping: context canceled
	// main: done
}

// threading.excepthook: a panic in a goroutine ends the whole program
// (F6), so a goroutine that may panic recovers itself and sends the
// failure on as an error.
func Example_threadingExcepthook() {
	failed := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				failed <- fmt.Errorf("worker panicked: %v", r)
			}
		}()
		var nums []int
		fmt.Println(nums[3])
	}()
	fmt.Println(<-failed)
	// Output: worker panicked: runtime error: index out of range [3] with length 0
}

// threading.Lock() and "with lock:": sync.Mutex, with the unlock
// deferred so that it happens however the function returns.
func Example_threadingLock() {
	var mu sync.Mutex
	total := 0
	add := func(n int) {
		mu.Lock()
		defer mu.Unlock()
		total += n
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 1000 {
				add(1)
			}
		})
	}
	wg.Wait()
	fmt.Println(total)
	// Output: 4000
}

// lock.acquire(blocking=False): TryLock. It is rarely the right tool in
// Go; a channel or a select usually says the same more plainly.
func Example_threadingLockTryAcquire() {
	var mu sync.Mutex
	fmt.Println("first:", mu.TryLock())
	fmt.Println("second, while held:", mu.TryLock())
	mu.Unlock()
	fmt.Println("after unlock:", mu.TryLock())
	// Output:
	// first: true
	// second, while held: false
	// after unlock: true
}

// ledger shows the Go answer to a reentrant lock: the exported methods
// lock, and the helpers they share assume the lock is held.
type ledger struct {
	mu      sync.Mutex
	balance int
}

// depositLocked needs l.mu held by the caller.
func (l *ledger) depositLocked(n int) { l.balance += n }

func (l *ledger) Deposit(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.depositLocked(n)
}

func (l *ledger) DepositTwice(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.depositLocked(n) // with Python's RLock this would call Deposit again
	l.depositLocked(n)
}

// threading.RLock(): Go has no reentrant mutex. A goroutine that locks a
// sync.Mutex it holds waits for itself forever; split the work into a
// locking method and helpers that expect the lock held.
func Example_threadingRLock() {
	var l ledger
	l.mu.Lock()
	fmt.Println("the holder can lock again:", l.mu.TryLock())
	l.mu.Unlock()
	l.Deposit(10)
	l.DepositTwice(10)
	fmt.Println("balance:", l.balance)
	// Output:
	// the holder can lock again: false
	// balance: 30
}

// threading.Semaphore(2): golang.org/x/sync/semaphore.Weighted; Acquire
// takes a context, so a wait for a permit can be cancelled.
func Example_threadingSemaphore() {
	sem := semaphore.NewWeighted(2)
	var mu sync.Mutex
	running, most := 0, 0
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if err := sem.Acquire(context.Background(), 1); err != nil {
				return
			}
			defer sem.Release(1)
			mu.Lock()
			running++
			most = max(most, running)
			mu.Unlock()
			runtime.Gosched() // the work
			mu.Lock()
			running--
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("never more than 2 at once:", most <= 2)
	// Output: never more than 2 at once: true
}

// threading.BoundedSemaphore(n): a buffered channel of n slots; sending
// acquires, receiving releases, and a release with nothing held is caught
// by a receive that would block. (Weighted.Release panics instead.)
func Example_threadingBoundedSemaphore() {
	sem := make(chan struct{}, 2)
	release := func() error {
		select {
		case <-sem:
			return nil
		default:
			return errors.New("released more often than acquired")
		}
	}
	sem <- struct{}{} // acquire
	fmt.Println(release())
	fmt.Println(release())
	// Output:
	// <nil>
	// released more often than acquired
}

// threading.Event(): closing a channel wakes every goroutine waiting to
// receive from it, now and later. It cannot be cleared; make a new one.
func Example_threadingEvent() {
	ready := make(chan struct{})
	isSet := func() bool {
		select {
		case <-ready:
			return true
		default:
			return false
		}
	}
	var woke atomic.Int32
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			<-ready // event.wait()
			woke.Add(1)
		})
	}
	fmt.Println("set:", isSet())
	close(ready) // event.set()
	wg.Wait()
	fmt.Println("set:", isSet(), "woke:", woke.Load())
	// Output:
	// set: false
	// set: true woke: 3
}

// threading.Condition(): sync.Cond, waited on in a loop that checks the
// condition, as cond.wait_for(predicate) does. There is no timeout on a
// Cond; where one is needed, a channel and select are the Go answer.
func Example_threadingCondition() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var items []int
	got := make(chan []int)
	go func() {
		var taken []int
		mu.Lock()
		for len(taken) < 3 {
			for len(items) == 0 {
				cond.Wait()
			}
			taken = append(taken, items...)
			items = nil
		}
		mu.Unlock()
		got <- taken
	}()
	for i := range 3 {
		mu.Lock()
		items = append(items, i)
		mu.Unlock()
		cond.Signal()
	}
	fmt.Println(<-got)
	// Output: [0 1 2]
}

// threading.Barrier(n): for one crossing, a WaitGroup of n: each party
// calls Done as it arrives and Wait to go on once all have. The standard
// library has no reusable barrier.
func Example_threadingBarrier() {
	const parties = 3
	var arrived sync.WaitGroup
	arrived.Add(parties)
	var mu sync.Mutex
	var log []string
	note := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }
	var wg sync.WaitGroup
	for range parties {
		wg.Go(func() {
			note("arrive")
			arrived.Done()
			arrived.Wait() // barrier.wait()
			note("go on")
		})
	}
	wg.Wait()
	fmt.Println(log[:parties], log[parties:])
	// Output: [arrive arrive arrive] [go on go on go on]
}

type requestKey struct{}

// threading.local(): Go has no goroutine-local storage, on purpose.
// State that belongs to one piece of work travels with it: as an
// argument, or as a value in its context.Context.
func Example_threadingLocal() {
	handle := func(ctx context.Context) string {
		return fmt.Sprint("handling ", ctx.Value(requestKey{}))
	}
	out := make([]string, 2)
	var wg sync.WaitGroup
	for i, id := range []string{"req-a", "req-b"} {
		ctx := context.WithValue(context.Background(), requestKey{}, id)
		wg.Go(func() { out[i] = handle(ctx) })
	}
	wg.Wait()
	fmt.Println(out)
	// Output: [handling req-a handling req-b]
}

// threading.Timer(interval, fn) and timer.cancel(): time.AfterFunc runs
// fn on its own goroutine after the interval; Stop cancels it and says
// whether it was still pending.
func Example_threadingTimer() {
	fired := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() { close(fired) })
	<-fired
	fmt.Println("fired")
	t := time.AfterFunc(time.Hour, func() { fmt.Println("never printed") })
	fmt.Println("cancelled before it fired:", t.Stop())
	// Output:
	// fired
	// cancelled before it fired: true
}
