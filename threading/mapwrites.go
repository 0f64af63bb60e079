// Claim T9: without a global lock, the runtime's own data structures are
// not safe to share between threads; that is why CPython has its GIL. Go
// has no such lock, and its built-in map takes no lock of its own: two
// goroutines writing one map at once end the whole program.
//
//	go test -race -run Map -v ./threading/
//	go run ./testdata/programs/mapwrites
//
// You will see a child program, built without the race detector, print
// only its warm-up line and end with exit status 2 and "fatal error:
// concurrent map writes" from inside a writer's guard, whose deferred
// recover never ran; and MutexTally and SyncMapTally, the two fixes, pass
// TestGuardedMapsReachTheExactCount under -race.

package threading

import "sync"

// Tally counts how many times each key was added. The contract: however
// many goroutines Add at once, no addition is lost. MutexTally and
// SyncMapTally keep it; MapTally keeps it only on one goroutine.
type Tally interface {
	Add(key int)
	Count(key int) int
}

// MapTally is a bare map. On one goroutine it is correct; two goroutines
// writing it at once is the hazard, and the runtime answers it with a
// fatal error that no recover can catch (testdata/programs/mapwrites).
type MapTally map[int]int

func (t MapTally) Add(key int)       { t[key]++ }
func (t MapTally) Count(key int) int { return t[key] }

// MutexTally is the same map with the lock Go does not put in for you:
// one goroutine at a time reads or writes it.
type MutexTally struct {
	mu sync.Mutex
	m  map[int]int
}

func (t *MutexTally) Add(key int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[int]int{}
	}
	t.m[key]++
}

func (t *MutexTally) Count(key int) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[key]
}

// SyncMapTally uses sync.Map, which is safe for concurrent use by itself.
// Safe operations are not yet a safe increment: a Load, an add and a Store
// would lose updates exactly as LostUpdateCounter does. CompareAndSwap
// makes the read-add-write one step, and a goroutine that loses the race
// reads again and retries.
type SyncMapTally struct{ m sync.Map }

func (t *SyncMapTally) Add(key int) {
	for {
		old, loaded := t.m.LoadOrStore(key, 1)
		if !loaded || t.m.CompareAndSwap(key, old, old.(int)+1) {
			return
		}
	}
}

func (t *SyncMapTally) Count(key int) int {
	n, _ := t.m.Load(key)
	c, _ := n.(int)
	return c
}
