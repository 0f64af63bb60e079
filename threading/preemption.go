// Claim T8: the scheduler preempts; nothing has to cooperate. Since Go
// 1.14 a loop with no function calls is interrupted by a signal
// (asynchronous preemption), so even at GOMAXPROCS=1 it cannot starve the
// other goroutines.
//
//	go test -run 'Preempt|Starve|Gosched' -v ./threading/
//
// You will see three child processes at GOMAXPROCS=1: with the default
// settings the main goroutine runs while SpinUntil spins; with
// GODEBUG=asyncpreemptoff=1 it never runs again and the harness has to
// kill the child; and SpinYielding, which calls runtime.Gosched each
// round, lets it run even with asynchronous preemption off.
//
// One nuance: built with -race, the atomic load in the loop becomes a real
// function call, and every call is a point where a goroutine can be
// preempted cooperatively. There the loop does not starve anything even
// with asynchronous preemption off, and the test checks that instead.

package threading

import (
	"runtime"
	"sync/atomic"
)

// SpinUntil burns the CPU until stop is set. In a normal build the atomic
// load compiles to one plain load, so the loop calls no function and
// offers no point at which to give up the CPU: only an asynchronous
// preemption can take it off.
func SpinUntil(stop *atomic.Bool) uint64 {
	x := uint64(1)
	for !stop.Load() {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// SpinYielding is SpinUntil that cooperates: runtime.Gosched each round
// hands the CPU to any goroutine that is waiting for it.
func SpinYielding(stop *atomic.Bool) uint64 {
	x := uint64(1)
	for !stop.Load() {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		runtime.Gosched()
	}
	return x
}
