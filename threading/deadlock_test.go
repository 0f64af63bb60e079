package threading_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/threading"
)

func init() {
	// Lock-order inversion with nothing else running: the barrier makes
	// sure each goroutine holds its first lock before asking for the
	// second, so the cycle forms on every run.
	scene.Register("deadlock", func() {
		var a, b sync.Mutex
		var holding, wg sync.WaitGroup
		holding.Add(2)
		take := func(first, second *sync.Mutex) {
			first.Lock()
			holding.Done()
			holding.Wait()
			second.Lock()
			fmt.Println("never printed")
		}
		wg.Go(func() { take(&a, &b) })
		wg.Go(func() { take(&b, &a) })
		wg.Wait()
	})
}

func TestDeadlockDetectorNeedsACgoFreeBinary(t *testing.T) {
	if threading.CgoLinked {
		// The runtime counts the thread cgo keeps for callbacks as
		// running, so it never sees "all goroutines asleep": the child
		// hangs until the harness kills it. Build with CGO_ENABLED=0 to
		// see the detector's message.
		res := scene.Run(t, "deadlock", scene.Timeout(2*time.Second))
		logChild(t, res)
		assert.True(t, res.TimedOut, "with cgo the detector should stay silent: %s", res)
		assert.NotContains(t, res.Stderr, "deadlock!", res)
		assert.Empty(t, res.Stdout)
		return
	}
	res := scene.Run(t, "deadlock", scene.Timeout(20*time.Second))
	logChild(t, res, "fatal error:")
	require.False(t, res.TimedOut, "the runtime's detector did not fire: %s", res)
	assert.Equal(t, 2, res.ExitCode, res)
	assert.Contains(t, res.Stderr, "fatal error: all goroutines are asleep - deadlock!\n", res)
	assert.Empty(t, res.Stdout)
}

// The same inversion as a plain program built without cgo: nothing else
// runs, so the runtime's detector fires on every run, also when this test
// binary itself is built with -race.
func TestDeadlockProgramIsCaughtByTheRuntime(t *testing.T) {
	res := scene.Program(t, "testdata/programs/deadlock", scene.Timeout(20*time.Second))
	logChild(t, res, "fatal error:")
	require.False(t, res.TimedOut, "the runtime's detector did not fire: %s", res)
	assert.Equal(t, 2, res.ExitCode, res)
	assert.True(t, strings.HasPrefix(res.Stderr, "fatal error: all goroutines are asleep - deadlock!\n"), res)
	assert.Empty(t, res.Stdout)
}

// opposite runs two goroutines that take a and b in opposite orders, each
// holding its first lock until both hold one, and returns their errors.
func opposite(a, b *threading.NamedMutex) [2]error {
	var errs [2]error
	var holding, wg sync.WaitGroup
	holding.Add(2)
	take := func(i int, first, second *threading.NamedMutex) {
		if errs[i] = first.LockWithin(time.Second); errs[i] != nil {
			holding.Done()
			return
		}
		defer first.Unlock()
		holding.Done()
		holding.Wait()
		if errs[i] = second.LockWithin(time.Second, first); errs[i] == nil {
			second.Unlock()
		}
	}
	wg.Go(func() { take(0, a, b) })
	wg.Go(func() { take(1, b, a) })
	wg.Wait()
	return errs
}

func TestLockOrderInversionIsReportedInProcess(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := &threading.NamedMutex{Name: "A"}, &threading.NamedMutex{Name: "B"}
		start := time.Now()
		errs := opposite(a, b)
		t.Log(errs[0])
		t.Log(errs[1])
		var first, second *threading.LockWaitError
		require.True(t, errors.As(errs[0], &first), errs[0])
		require.True(t, errors.As(errs[1], &second), errs[1])
		assert.Equal(t, &threading.LockWaitError{Held: []string{"A"}, Wanted: "B", Waited: time.Second}, first)
		assert.Equal(t, &threading.LockWaitError{Held: []string{"B"}, Wanted: "A", Waited: time.Second}, second)
		assert.EqualError(t, first, "threading: holding [A], waited 1s for B: possible deadlock")
		assert.Equal(t, time.Second, time.Since(start), "both gave up after their patience, together")
		// Both released what they held.
		assert.True(t, a.TryLock())
		assert.True(t, b.TryLock())
	})
}

func TestLockOrderPreventsTheDeadlock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := &threading.NamedMutex{Name: "A"}, &threading.NamedMutex{Name: "B"}
		// The same two goroutines as in the inversion, naming the locks in
		// opposite orders, many times over. Holding both for a while
		// makes them collide; with one global order a collision is only
		// a wait, never a cycle.
		var wg sync.WaitGroup
		for _, pair := range [][2]*threading.NamedMutex{{a, b}, {b, a}} {
			wg.Go(func() {
				for range 20 {
					unlock, err := threading.LockPairOrdered(pair[0], pair[1], time.Second)
					if !assert.NoError(t, err) {
						return
					}
					time.Sleep(10 * time.Millisecond)
					unlock()
				}
			})
		}
		wg.Wait()
	})
}

func TestLockPairRejectsBadInput(t *testing.T) {
	a := &threading.NamedMutex{Name: "A"}
	_, err := threading.LockPair(a, a, time.Second)
	assert.EqualError(t, err, "threading: LockPair needs two different locks")
	assert.EqualError(t, a.LockWithin(0), "threading: patience must be positive, got 0s")
}

func TestPolitePairsLivelockInStep(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := &threading.NamedMutex{Name: "A"}, &threading.NamedMutex{Name: "B"}
		const rounds = 50
		var used [2]int
		var errs [2]error
		var wg sync.WaitGroup
		for i, pair := range [][2]*threading.NamedMutex{{a, b}, {b, a}} {
			wg.Go(func() {
				_, used[i], errs[i] = threading.PoliteLockPair(pair[0], pair[1], time.Millisecond, rounds)
			})
		}
		wg.Wait()
		for i := range errs {
			t.Logf("goroutine %d: %v after %d rounds", i, errs[i], used[i])
			assert.ErrorIs(t, errs[i], threading.ErrLivelock)
			assert.Equal(t, rounds, used[i], "busy every round, never done")
		}
	})
}

func TestPolitePairsInOneOrderFinish(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := &threading.NamedMutex{Name: "A"}, &threading.NamedMutex{Name: "B"}
		var errs [2]error
		var wg sync.WaitGroup
		for i := range errs {
			wg.Go(func() {
				unlock, _, err := threading.PoliteLockPair(a, b, time.Millisecond, 50)
				if errs[i] = err; err == nil {
					time.Sleep(time.Millisecond)
					unlock()
				}
			})
		}
		wg.Wait()
		assert.NoError(t, errs[0])
		assert.NoError(t, errs[1])
	})
}

func TestPoliteLockPairRejectsBadInput(t *testing.T) {
	a, b := &threading.NamedMutex{Name: "A"}, &threading.NamedMutex{Name: "B"}
	_, _, err := threading.PoliteLockPair(a, a, time.Millisecond, 1)
	assert.ErrorContains(t, err, "needs two different locks")
	_, _, err = threading.PoliteLockPair(a, b, 0, 1)
	assert.ErrorContains(t, err, "positive backoff")
}
