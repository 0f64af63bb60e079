// Claim T5: locks can also livelock. Two polite goroutines each take one
// lock, find the other busy, back off and retry, in step with each other;
// both stay busy and neither ever gets both locks.
//
//	go test -run PolitePairs -v ./threading/
//
// You will see both goroutines log "threading: no progress: gave up
// retrying after 50 rounds", in virtual time, and
// TestPolitePairsInOneOrderFinish pass: the same code finishes at once
// when both take the locks in the same order.

package threading

import (
	"fmt"
	"time"
)

// ErrLivelock is returned when PoliteLockPair used up its rounds.
var ErrLivelock = fmt.Errorf("threading: no progress: gave up retrying")

// PoliteLockPair takes first, then tries second. When second is busy it
// waits backoff, releases first to be polite, waits backoff again and
// starts over, for at most rounds attempts. It reports how many rounds it
// used. Two goroutines with the same backoff and opposite lock orders
// move in lockstep: each always finds the other's lock held.
func PoliteLockPair(first, second *NamedMutex, backoff time.Duration, rounds int) (unlock func(), used int, err error) {
	if first == second || backoff <= 0 || rounds < 1 {
		return nil, 0, fmt.Errorf("threading: PoliteLockPair needs two different locks, a positive backoff and rounds, got backoff %v and %d rounds", backoff, rounds)
	}
	for used = 1; used <= rounds; used++ {
		for !first.TryLock() {
			time.Sleep(backoff)
		}
		time.Sleep(backoff) // the work done between taking the two locks
		if second.TryLock() {
			return func() { second.Unlock(); first.Unlock() }, used, nil
		}
		time.Sleep(backoff)
		first.Unlock()
		time.Sleep(backoff)
	}
	return nil, rounds, ErrLivelock
}
