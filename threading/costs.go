// Claims T7, F7 and D2: a goroutine costs far less than an OS thread, to
// start and join, to switch between two of them, and to keep one parked.
//
//	go test -run '^$' -bench 'StartJoin|RoundTrip|MemoryPerWaiter' ./bench/
//
// The helpers below are what those cross-model benchmarks time for the
// goroutine and thread models (model=goroutine and model=osThread,
// model=channel and model=lockedOSThreads). You will see a goroutine start
// and join in about a microsecond and an OS thread take tens of times
// longer; a round trip between two goroutines over channels cost a small
// fraction of one between two goroutines pinned to their own threads
// (ns/roundtrip); and a parked goroutine hold a few KiB against tens of
// KiB for a parked thread (B/waiter).

package threading

import (
	"fmt"
	"runtime"
	"sync"
)

// StartJoinGoroutine starts a goroutine that does nothing and waits for it.
func StartJoinGoroutine() {
	done := make(chan struct{})
	go func() { close(done) }()
	<-done
}

// StartJoinLockedThread starts a goroutine that locks itself to its OS
// thread and exits still locked. The runtime then terminates that thread
// and must start another to replace it, so each call costs one OS thread
// ending and one starting, the closest Go comes to starting a thread.
func StartJoinLockedThread() {
	done := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		close(done)
	}()
	<-done
}

// PingPong is a pair of goroutines bouncing a token over two unbuffered
// channels. The caller is one side; an echo goroutine is the other.
type PingPong struct {
	ping, pong chan struct{}
	done       chan struct{}
}

// NewPingPong starts the echo goroutine. With lockThread, it is pinned to
// an OS thread of its own, so every hand-off wakes a different thread;
// the caller should then lock its own goroutine too.
func NewPingPong(lockThread bool) *PingPong {
	p := &PingPong{ping: make(chan struct{}), pong: make(chan struct{}), done: make(chan struct{})}
	started := make(chan struct{})
	go func() {
		if lockThread {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
		}
		close(started)
		for {
			select {
			case <-p.ping:
				p.pong <- struct{}{}
			case <-p.done:
				return
			}
		}
	}()
	<-started
	return p
}

// RoundTrip sends the token and waits for it to come back.
func (p *PingPong) RoundTrip() {
	p.ping <- struct{}{}
	<-p.pong
}

// Close stops the echo goroutine.
func (p *PingPong) Close() { close(p.done) }

// Waiters is n goroutines parked on a channel until Release.
type Waiters struct {
	release chan struct{}
	exited  sync.WaitGroup
}

// ParkWaiters starts n goroutines and returns once all are parked or about
// to park. With lockThreads, each holds an OS thread of its own while it
// waits, and exits still locked so that Release ends those threads rather
// than keeping them idle for reuse.
func ParkWaiters(n int, lockThreads bool) (*Waiters, error) {
	if n < 1 {
		return nil, fmt.Errorf("threading: need at least 1 waiter, got %d", n)
	}
	w := &Waiters{release: make(chan struct{})}
	var started sync.WaitGroup
	for range n {
		started.Add(1)
		w.exited.Go(func() {
			if lockThreads {
				runtime.LockOSThread()
			}
			started.Done()
			<-w.release
		})
	}
	started.Wait()
	return w, nil
}

// Release wakes every waiter and waits until all have exited.
func (w *Waiters) Release() {
	close(w.release)
	w.exited.Wait()
}
