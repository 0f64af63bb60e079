// Package threading is the chapter on goroutines and OS threads: what the
// classic "threads" material claims, checked one claim at a time in Go.
//
// # Reading order
//
// Each file is one idea. Its header names the claim, the command that
// shows it and what you will see.
//
//  1. Start and join (T1): startjoin.go. The material's two-function
//     example (one goroutine squares, one cubes, main waits), and three
//     2-second sleepers that finish together in 2 s of virtual time.
//  2. A data race (T4): datarace.go. LostUpdateCounter, incremented from
//     two goroutines in a child process, is reported by the race detector
//     (exit 66, the racy line); a test walks the interleaving that loses
//     an update.
//  3. A race that is not a data race (T4): checkthenact.go. An account
//     whose every access is atomic is still overdrawn by check-then-act;
//     compare-and-swap fixes it, and -race is silent throughout.
//  4. The fixes side by side (T4): counters.go (Mutex, RWMutex, atomics, a
//     goroutine owning the state, two semaphores, all in one Counter table
//     with the LostUpdateCounter they fix), cache.go (RWMutex for a
//     read-heavy cache), once.go (sync.Once), boundedqueue.go (sync.Cond),
//     falsesharing.go (padded against unpadded counters). One contract:
//     every safe counter reaches exactly N.
//  5. Deadlock and livelock (T5): deadlock.go, livelock.go. Lock-order
//     inversion in a child process; a TryLock detector that names the
//     locks held and wanted; the fix, one global lock order; two polite
//     goroutines that back off in step forever.
//  6. The lock Go does not have (F1, F8, T2): cpubound.go. Four CPU-bound
//     tasks speed up with GOMAXPROCS until the cores run out. The claim
//     that threads cannot compute in parallel does not hold in Go;
//     GOMAXPROCS=1 is the nearest thing to an interpreter lock.
//  7. What that lock protects (T9): mapwrites.go. Without it a built-in
//     map is not safe to write from two goroutines: a child program dies
//     with "fatal error: concurrent map writes", past any recover; a
//     mutex or sync.Map makes the count exact again.
//  8. Waiting releases the processor (T3, F4): waiting_test.go and
//     cputime.go. A thousand sleepers on one P take one sleep; a goroutine
//     blocked in read(2) does not stop the others; getrusage shows a
//     sleeper idle and a spinner busy.
//  9. Preemption (T8): preemption.go. A call-free loop is preempted at
//     GOMAXPROCS=1; with GODEBUG=asyncpreemptoff=1 it starves the rest;
//     runtime.Gosched is the cooperative way out.
//  10. A worker pool fetching URLs (T6): pool.go. Bounded concurrency,
//     results in order, the first error cancels the rest.
//  11. A panic anywhere ends the process (F6): panics.go.
//  12. Costs (T7, F7, D2): costs.go. Start and join, ping-pong and memory
//     per waiter, for goroutines and for OS threads.
//
// # Running it
//
// From the module root,
//
//	go test -race -v ./threading/
//	go test       -v ./threading/
//
// runs every lesson; each logs what it saw. Races, deadlocks, panics and
// starvation run in child processes, so the run stays green while it shows
// them. The two builds show different things: only the -race build has
// the detector's report of the data race, and only the plain build lets a
// loop inside the test binary starve its neighbours. The benchmarks
// behind the cost claims are priced on one P and on several:
//
//	go test -run '^$' -bench . -cpu 1,2,4 ./threading/
//
// # Two surprises
//
// The material does not lead you to expect either, and tests show both.
// The runtime's "all goroutines are asleep" detector is silent in any
// binary that links cgo (this one does, through net, unless built with
// CGO_ENABLED=0). And in a -race build an atomic load is a function call,
// so a loop polling one can be preempted cooperatively. That is why the
// deadlock and the starving loop also run as small programs under
// testdata/programs at the module root, built without cgo or -race; so
// does the map crash, which the race detector would otherwise report first
// as a data race.
//
// # Pictures
//
// Drawn from runtime traces of this chapter's claims, in testdata/pictures
// at the module root, and regenerated with go run ./bench/cmd/pictures:
// f1-gomaxprocs1.svg and f1-gomaxprocs2.svg (F1, T2: four CPU-bound
// goroutines on one P and on two), f3-states.svg (F3), t8-preempted.svg
// and t8-gosched.svg (T8).
package threading
