// Claims A10, A12 and A13: what a loop task costs next to a goroutine and
// next to a plain call: switching between two, awaiting one directly, and
// keeping many of them waiting. Compare the sub-benchmarks of each
// benchmark with each other. Creating and awaiting a task next to starting
// and joining a goroutine, and the memory a waiting task, callback or
// timer holds, are cross-model questions measured once, in package bench
// (BenchmarkStartJoin model=loopTask, BenchmarkMemoryPerWaiter
// model=loopTask, loopCallback and loopTimer).
//
//	go test -run '^$' -bench 'DirectAwait|Switch|CoroutineCreate|ManySleepers' -cpu 1,2 ./eventloop/
//
// You will see ns/op for each, ns/switch for Switch (two loop tasks, two
// callbacks of the layer below, a bare coroutine, two goroutines), and
// bytes/task (heap plus stacks held per waiting task) for ManySleepers,
// whose loop, bare coroutines and goroutines each run 10,000 and 100,000
// sleepers. DirectAwait shows a direct await costing a function call, or
// one turn if the callee yields, where a task costs a create and two
// turns more.
//
// Where a loop task's time goes: creating and awaiting one (bench's
// StartJoin/model=loopTask) reuses a parked coroutine, so it pays for four coroutine switches (the creator parks,
// the new task runs and parks, the creator resumes), and Switch/iterPull
// prices one switch with no loop around it. ManySleepers must start a
// fresh coroutine for every task, since all of them wait at once, and
// CoroutineCreate prices that next to starting a goroutine. Beyond the
// 100 ms of sleep, its profile shows the rest going to three things: the
// runtime making a goroutine for each coroutine, the garbage collector
// scanning every waiting coroutine's stack (plain goroutines pay for that
// too), and the loop's own bookkeeping, whose timers take a lane where
// deadlines of one duration queue up in order.

package eventloop

import (
	"fmt"
	"iter"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concurrency-atlas/atlas/internal/memstat"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

func noop(*Coro) (int, error) { return 1, nil }

// BenchmarkDirectAwait (A13) awaits the same coroutine two ways: called
// directly on the caller's coroutine, or made a task and awaited. callee
// says whether it returns at once or yields once first; with yields, both
// ways pay for that one turn, and only the task pays for two more.
// callee=returns/via=task is the op of bench's StartJoin/model=loopTask,
// repeated here so that each pair can be read side by side.
func BenchmarkDirectAwait(b *testing.B) {
	callees := []struct {
		name string
		fn   func(*Coro) (int, error)
	}{
		{"returns", noop},
		{"yields", func(co *Coro) (int, error) { return 1, co.Sleep(0) }},
	}
	for _, callee := range callees {
		b.Run("callee="+callee.name+"/via=direct", func(b *testing.B) {
			b.ReportAllocs()
			_, err := Run(New(), func(co *Coro) (int, error) {
				for b.Loop() {
					if _, err := callee.fn(co); err != nil {
						return 0, err
					}
				}
				return 0, nil
			})
			if err != nil {
				b.Fatal(err)
			}
		})
		b.Run("callee="+callee.name+"/via=task", func(b *testing.B) {
			b.ReportAllocs()
			_, err := Run(New(), func(co *Coro) (int, error) {
				for b.Loop() {
					if _, err := Await(co, CreateTask(co, "t", callee.fn)); err != nil {
						return 0, err
					}
				}
				return 0, nil
			})
			if err != nil {
				b.Fatal(err)
			}
		})
	}
}

// One op is a round trip: two switches, A to B and back. iterPull is the
// bare coroutine switch the loop is built on, on a locked thread as in
// the loop: what loopTasks adds to it is the loop's own bookkeeping.
func BenchmarkSwitch(b *testing.B) {
	b.Run("loopTasks", func(b *testing.B) {
		b.ReportAllocs()
		_, err := Run(New(), func(co *Coro) (int, error) {
			stop := false
			partner := CreateTask(co, "partner", func(co *Coro) (int, error) {
				for !stop {
					if err := co.Sleep(0); err != nil {
						return 0, err
					}
				}
				return 0, nil
			})
			for b.Loop() {
				if err := co.Sleep(0); err != nil {
					return 0, err
				}
			}
			stop = true
			return Await(co, partner)
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/switch")
	})
	// callbacks is the same hand-off one layer down: two callbacks that
	// each schedule the other with CallSoon. Each takes a turn of the
	// loop, as a task's Sleep(0) does, but runs on the loop's own stack,
	// so no coroutine switches.
	b.Run("callbacks", func(b *testing.B) {
		b.ReportAllocs()
		_, err := Run(New(), func(co *Coro) (int, error) {
			l := co.Loop()
			done := NewFuture[int](l)
			var ping, pong func()
			ping = func() {
				if !b.Loop() {
					_ = done.SetResult(0)
					return
				}
				_ = l.CallSoon(pong)
			}
			pong = func() { _ = l.CallSoon(ping) }
			if err := l.CallSoon(ping); err != nil {
				return 0, err
			}
			return Await(co, done)
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/switch")
	})
	b.Run("iterPull", func(b *testing.B) {
		b.ReportAllocs()
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		next, stop := iter.Pull(func(yield func(int) bool) {
			for yield(0) {
			}
		})
		defer stop()
		for b.Loop() {
			next()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/switch")
	})
	b.Run("goroutines", func(b *testing.B) {
		b.ReportAllocs()
		ping, pong := make(chan struct{}), make(chan struct{})
		go func() {
			for range ping {
				pong <- struct{}{}
			}
		}()
		for b.Loop() {
			ping <- struct{}{}
			<-pong
		}
		close(ping)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/switch")
	})
}

// BenchmarkCoroutineCreate starts a coroutine, runs it to its first
// pause and ends it: the least a loop task costs when no parked one can
// be reused. goroutine is the same life for a plain goroutine.
func BenchmarkCoroutineCreate(b *testing.B) {
	b.Run("iterPull", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			next, stop := iter.Pull(func(yield func(int) bool) { yield(0) })
			next()
			stop()
		}
	})
	b.Run("goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			done := make(chan int)
			go func() { done <- 1 }()
			<-done
		}
	})
}

const sleep100 = 100 * time.Millisecond

// BenchmarkManySleepers starts n tasks that each sleep 100 ms and waits for
// all of them: ns/op is the wall time of one such run. coroutines is the
// loop's floor, bare coroutines with nothing around them (see
// sleepersOnBareCoroutines); goroutines the same work with no loop. bytes/task comes
// from a fresh child process (the "many-sleepers" scene) that measures
// heap plus stacks once every task is waiting: in this process, stacks of
// goroutines that ended earlier are reused and would hide the cost.
func BenchmarkManySleepers(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if testing.Short() {
		sizes = []int{1_000}
	}
	for _, model := range []string{"loop", "coroutines", "goroutines"} {
		b.Run(model, func(b *testing.B) {
			for _, n := range sizes {
				b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
					res := scene.Run(b, "many-sleepers", scene.Env(fmt.Sprintf("%s=%s %d", sleepersEnv, model, n)))
					perTask, err := strconv.ParseFloat(strings.TrimSpace(res.Stdout), 64)
					if res.ExitCode != 0 || err != nil {
						b.Fatalf("measuring memory: %v\n%s", err, res)
					}
					// One untimed run first: the first run in a process pays
					// to grow the heap and the stack pool from the OS, and
					// whichever model ran first would carry that cost.
					sleepers[model](n, sleep100, nil)
					b.ReportAllocs()
					for b.Loop() {
						sleepers[model](n, sleep100, nil)
					}
					b.ReportMetric(perTask, "bytes/task")
				})
			}
		})
	}
}

const sleepersEnv = "ATLAS_SLEEPERS"

var sleepers = map[string]func(n int, d time.Duration, whileWaiting func()){
	"loop": func(n int, d time.Duration, whileWaiting func()) {
		if err := ManySleepers(n, d, whileWaiting); err != nil {
			panic(err)
		}
	},
	"coroutines": sleepersOnBareCoroutines,
	"goroutines": sleepersOnGoroutines,
}

func init() { scene.Register("many-sleepers", manySleepersScene) }

// manySleepersScene prints the bytes each waiting task holds.
func manySleepersScene() {
	var model string
	var n int
	if _, err := fmt.Sscanf(os.Getenv(sleepersEnv), "%s %d", &model, &n); err != nil || sleepers[model] == nil || n < 1 {
		fmt.Fprintf(os.Stderr, "want %s=\"loop|coroutines|goroutines N\", got %q\n", sleepersEnv, os.Getenv(sleepersEnv))
		os.Exit(2)
	}
	runtime.GC()
	before := memstat.InUse()
	// The sleep is long so that no task ends (and frees or lends its
	// stack) before all have started; the scene exits once it has measured.
	sleepers[model](n, time.Hour, func() {
		fmt.Println(float64(memstat.InUse()-before) / float64(n))
		os.Exit(0)
	})
}

// sleepersOnBareCoroutines is the floor under ManySleepers: a coroutine
// per task and nothing else, on a locked thread as on the loop. Each is
// started up to its pause and noted with its deadline; the deadlines come
// in order, so one walk through them, sleeping until each is due, wakes
// every coroutine and runs it to its end. No Task, no future, no timers:
// what the loop takes beyond this is its own bookkeeping.
func sleepersOnBareCoroutines(n int, d time.Duration, whileWaiting func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	type sleeper struct {
		due  time.Time
		next func() (struct{}, bool)
	}
	pause := func(yield func(struct{}) bool) { yield(struct{}{}) }
	sleepers := make([]sleeper, n)
	for i := range sleepers {
		next, _ := iter.Pull(pause)
		next() // runs up to its pause
		sleepers[i] = sleeper{time.Now().Add(d), next}
	}
	if whileWaiting != nil {
		whileWaiting()
	}
	for i := range sleepers {
		time.Sleep(time.Until(sleepers[i].due))
		sleepers[i].next() // wakes it; it runs to its end
		sleepers[i] = sleeper{}
	}
}

// sleepersOnGoroutines is ManySleepers with a goroutine per task. All
// of them run one closure, as all of ManySleepers' tasks do, and a go
// statement with no arguments allocates nothing more; only a run that
// measures makes them count themselves in.
func sleepersOnGoroutines(n int, d time.Duration, whileWaiting func()) {
	var started, done sync.WaitGroup
	sleeper := func() {
		time.Sleep(d)
		done.Done()
	}
	if whileWaiting != nil {
		started.Add(n)
		sleeper = func() {
			started.Done()
			time.Sleep(d)
			done.Done()
		}
	}
	done.Add(n)
	for range n {
		go sleeper()
	}
	if whileWaiting != nil {
		started.Wait()
		whileWaiting()
	}
	done.Wait()
}
