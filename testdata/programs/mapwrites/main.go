// Command mapwrites writes one built-in map from two goroutines at once.
// Go has no global lock to serialise them, and the map has no lock of its
// own: the runtime notices the overlap and stops the program with "fatal
// error: concurrent map writes" and exit status 2. A deferred recover in
// each writer does not help, because a fatal error is not a panic.
// threading.TestConcurrentMapWritesKillTheProgram builds and runs it
// without the race detector, which would otherwise report the race first.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// guard runs f under a deferred recover, the way a careful worker catches
// its own panics. It prints whatever it recovered, nil included, so the
// output shows whether the deferred call ran at all.
func guard(name string, f func()) {
	defer func() { fmt.Printf("%s: recovered %v\n", name, recover()) }()
	f()
}

func main() {
	// The guard works: an ordinary panic is caught and the program goes on.
	guard("warm-up", func() { panic("an ordinary panic") })

	// Two Ps, so the writers run at the same instant instead of in turns.
	runtime.GOMAXPROCS(2)

	// Each writer has a key of its own and both keys exist already, so the
	// map never grows: the writes never touch the same entry, yet the map
	// as a whole is what may not be written by two goroutines at once.
	m := map[int]int{0: 0, 1: 0}
	var wg sync.WaitGroup
	for key := range 2 {
		wg.Go(func() {
			guard(fmt.Sprint("writer ", key), func() {
				// Loop until the runtime stops the program: the writes
				// overlap sooner or later on every run.
				for {
					m[key]++
				}
			})
		})
	}
	wg.Wait()
	fmt.Println("never printed")
}
