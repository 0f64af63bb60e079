// Claim A10: a loop holds very many waiting units in little memory, but
// what a unit holds depends on its layer. A waiting task keeps the
// goroutine stack of its coroutine, a little more than a plain goroutine
// holds; a waiting callback, the layer below tasks, keeps only its
// closure and an entry in the loop's timers or in a future's list.
// ManySleepers is the timing's body, ParkWaiters the memory's (measured,
// next to the other models, by bench's BenchmarkMemoryPerWaiter).
//
//	go test -run '^$' -bench 'MemoryPerWaiter' ./bench/
//	go test -run '^$' -bench 'ManySleepers' -benchtime 1x -cpu 1 ./eventloop/
//
// You will see B/waiter for a waiting goroutine, loop task, loop callback
// and loop timer, each measured in a fresh child process, then ns/op and
// bytes/task for 10,000 and 100,000 loop tasks sleeping 100 ms, next to as
// many bare coroutines (the loop's floor) and plain goroutines.

package eventloop

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// ManySleepers runs n tasks on a new loop, each sleeping d, and returns
// once all have woken. If whileWaiting is not nil it runs on the loop as
// soon as every task is asleep: the moment to measure what n waiting tasks
// hold (A10). A sleeping task costs its coroutine and a timer entry; no
// goroutine waits on a runtime timer for it.
func ManySleepers(n int, d time.Duration, whileWaiting func()) error {
	if n < 0 {
		return fmt.Errorf("eventloop: ManySleepers needs n >= 0, got %d: %w", n, ErrBadCount)
	}
	_, err := Run(New(), func(co *Coro) (int, error) {
		sleeper := func(co *Coro) (int, error) { return 0, co.Sleep(d) }
		tasks := make([]Awaitable[int], n)
		for i := range tasks {
			tasks[i] = CreateTask(co, "sleeper", sleeper)
		}
		if whileWaiting != nil {
			// One turn of the loop starts every task up to its sleep.
			if err := co.Sleep(0); err != nil {
				return 0, err
			}
			whileWaiting()
		}
		_, err := Gather(co, tasks...)
		return 0, err
	})
	return err
}

// Unit is a kind of waiting unit on a loop, for ParkWaiters.
type Unit uint8

const (
	// UnitCallback is a done-callback on a future of its own that nobody
	// has completed yet: the callback layer's way to wait for an event.
	UnitCallback Unit = iota + 1
	// UnitTimer is a callback set with CallLater for a time to come.
	UnitTimer
	// UnitTask is a task asleep in Sleep: a coroutine and a timer.
	UnitTask
)

func (u Unit) String() string {
	switch u {
	case UnitCallback:
		return "callback"
	case UnitTimer:
		return "timer"
	case UnitTask:
		return "task"
	}
	return fmt.Sprintf("Unit(%d)", uint8(u))
}

// Waiters are units waiting on a loop of their own, from ParkWaiters
// until Release.
type Waiters struct {
	loop    *Loop
	release func() // on the loop: lets the units go
	done    chan error
	once    sync.Once
	err     error
}

// ParkWaiters starts a loop on a goroutine of its own, parks n units of
// the given kind on it and returns once all n wait and the loop is idle:
// the moment to read what they hold, as memstat.PerUnit does. Release
// lets them go and ends the loop. An n below 1 is ErrBadCount, a unit
// other than UnitCallback, UnitTimer and UnitTask ErrUnknownUnit.
func ParkWaiters(unit Unit, n int) (*Waiters, error) {
	if n < 1 {
		return nil, fmt.Errorf("eventloop: ParkWaiters(%v, %d): %w", unit, n, ErrBadCount)
	}
	park := parkers[unit]
	if park == nil {
		return nil, fmt.Errorf("eventloop: ParkWaiters(%v): %w", unit, ErrUnknownUnit)
	}
	w := &Waiters{loop: New(), done: make(chan error, 1)}
	parked := make(chan struct{})
	go func() {
		_, err := Run(w.loop, func(co *Coro) (struct{}, error) {
			letGo, err := park(co, n)
			if err != nil {
				return struct{}{}, err
			}
			released := NewFuture[struct{}](w.loop)
			w.release = func() { _ = released.SetResult(struct{}{}) }
			// Runs once every task has reached its wait and main its
			// Await below: then nothing on the loop is left to run.
			if err := w.loop.CallSoon(func() { close(parked) }); err != nil {
				return struct{}{}, err
			}
			if _, err := Await(co, released); err != nil {
				return struct{}{}, err
			}
			return struct{}{}, letGo(co)
		})
		w.done <- err
	}()
	select {
	case <-parked:
		return w, nil
	case err := <-w.done: // the loop ended before the units were parked
		return nil, err
	}
}

// Release lets every unit go, waits for the loop to end and returns its
// error, nil unless something went wrong on the loop. Later calls return
// the same; a nil *Waiters has nothing to release and returns nil.
func (w *Waiters) Release() error {
	if w == nil || w.loop == nil {
		return nil
	}
	w.once.Do(func() {
		if err := w.loop.CallSoonThreadsafe(w.release); err != nil {
			w.err = err
			return
		}
		w.err = <-w.done
	})
	return w.err
}

// parkers set n units waiting from main, co, and return what lets them
// go. Each unit's callback is a closure of its own, as a real one would
// be, and a slice entry keeps each unit for its release.
var parkers = map[Unit]func(co *Coro, n int) (letGo func(*Coro) error, err error){
	UnitCallback: func(co *Coro, n int) (func(*Coro) error, error) {
		ran := 0
		futures := make([]*Future[struct{}], n)
		for i := range futures {
			futures[i] = NewFuture[struct{}](co.Loop())
			if err := futures[i].AddDoneCallback(func() { ran++ }); err != nil {
				return nil, err
			}
		}
		return func(*Coro) error {
			for _, f := range futures {
				if err := f.SetResult(struct{}{}); err != nil {
					return err
				}
			}
			if ran != n {
				return fmt.Errorf("eventloop: %d of %d parked callbacks ran", ran, n)
			}
			return nil
		}, nil
	},
	UnitTimer: func(co *Coro, n int) (func(*Coro) error, error) {
		ran := 0
		handles := make([]*TimerHandle, n)
		for i := range handles {
			h, err := co.Loop().CallLater(time.Hour, func() { ran++ })
			if err != nil {
				return nil, err
			}
			handles[i] = h
		}
		return func(*Coro) error {
			for _, h := range handles {
				if err := h.Cancel(); err != nil {
					return err
				}
			}
			return nil
		}, nil
	},
	UnitTask: func(co *Coro, n int) (func(*Coro) error, error) {
		sleeper := func(co *Coro) (int, error) { return 0, co.Sleep(time.Hour) }
		tasks := make([]*Task[int], n)
		for i := range tasks {
			tasks[i] = CreateTask(co, "sleeper", sleeper)
		}
		return func(co *Coro) error {
			for _, t := range tasks {
				if err := t.Cancel(); err != nil {
					return err
				}
			}
			for _, t := range tasks {
				if _, err := Await(co, t); !errors.Is(err, ErrCancelled) {
					return fmt.Errorf("eventloop: a parked task ended with %v, not cancelled", err)
				}
			}
			return nil
		}, nil
	},
}
