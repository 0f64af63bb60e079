// Command deadlock takes two locks in opposite orders on two goroutines.
// Built without cgo, nothing else is running, so the runtime sees every
// goroutine asleep and stops the program with its deadlock error.
// threading.TestDeadlockProgramIsCaughtByTheRuntime builds and runs it.
package main

import "sync"

func main() {
	var a, b sync.Mutex
	var holding, wg sync.WaitGroup
	holding.Add(2)
	take := func(first, second *sync.Mutex) {
		first.Lock()
		// Both hold their first lock before either asks for its second,
		// so the cycle forms on every run.
		holding.Done()
		holding.Wait()
		second.Lock()
	}
	wg.Go(func() { take(&a, &b) })
	wg.Go(func() { take(&b, &a) })
	wg.Wait()
}
