// Claim T5: locks can deadlock. Two goroutines take the same two locks in
// opposite order; each holds one and waits forever for the other.
//
//	go test -run 'Deadlock|LockOrder' -v ./threading/
//	CGO_ENABLED=0 go test -run 'Deadlock|LockOrder' -v ./threading/
//
// You will see the runtime end a program built without cgo with exit
// status 2 and "fatal error: all goroutines are asleep - deadlock!", while
// the same inversion in a child of the test binary, which links cgo
// through net, is still running at its deadline and is killed (with
// CGO_ENABLED=0 it too ends with the runtime's message). In process, a
// patient TryLock logs which lock each goroutine holds and which it wants,
// "threading: holding [A], waited 1s for B: possible deadlock"; and with
// the fix, one global lock order, TestLockOrderPreventsTheDeadlock passes.

package threading

import (
	"cmp"
	"errors"
	"fmt"
	"time"

	"sync"
)

// NamedMutex is a sync.Mutex with a name, so that a report can say which
// locks are involved and a lock order can be defined on names.
type NamedMutex struct {
	sync.Mutex
	Name string
}

// LockWaitError says that a goroutine gave up waiting for a lock while it
// held others: the signature of a deadlock, reported instead of suffered.
type LockWaitError struct {
	Held   []string
	Wanted string
	Waited time.Duration
}

func (e *LockWaitError) Error() string {
	return fmt.Sprintf("threading: holding %v, waited %v for %s: possible deadlock", e.Held, e.Waited, e.Wanted)
}

// pollEvery is how often a patient lock tries again.
const pollEvery = time.Millisecond

// LockWithin takes m, trying with TryLock until patience runs out. held
// names the locks the caller already has, for the report. It is a
// detector, not a cure: the caller must still release what it holds.
func (m *NamedMutex) LockWithin(patience time.Duration, held ...*NamedMutex) error {
	if patience <= 0 {
		return fmt.Errorf("threading: patience must be positive, got %v", patience)
	}
	deadline := time.Now().Add(patience)
	for {
		// The deadline is checked before trying, so two goroutines that
		// started waiting together also give up together, whatever order
		// they wake in.
		if !time.Now().Before(deadline) {
			names := make([]string, len(held))
			for i, h := range held {
				names[i] = h.Name
			}
			return &LockWaitError{Held: names, Wanted: m.Name, Waited: patience}
		}
		if m.TryLock() {
			return nil
		}
		time.Sleep(pollEvery)
	}
}

// LockPair takes first, then second, each within patience. On failure it
// releases what it took. The order is the caller's: two callers that pass
// the same pair in opposite order can deadlock.
func LockPair(first, second *NamedMutex, patience time.Duration) (unlock func(), err error) {
	if first == second {
		return nil, errors.New("threading: LockPair needs two different locks")
	}
	if err := first.LockWithin(patience); err != nil {
		return nil, err
	}
	if err := second.LockWithin(patience, first); err != nil {
		first.Unlock()
		return nil, err
	}
	return func() { second.Unlock(); first.Unlock() }, nil
}

// LockPairOrdered is the fix: whatever order the caller names them in,
// the locks are taken in one global order (by name). No goroutine can then
// hold the later lock while waiting for the earlier one, so no cycle of
// waiting can form.
func LockPairOrdered(a, b *NamedMutex, patience time.Duration) (unlock func(), err error) {
	if cmp.Compare(a.Name, b.Name) > 0 {
		a, b = b, a
	}
	return LockPair(a, b, patience)
}
