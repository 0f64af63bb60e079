// Claims A10, A12 and A13: what a loop task costs next to a goroutine and
// next to a plain call: creating and awaiting one, switching between two,
// and keeping many of them waiting. Compare the sub-benchmarks of each
// benchmark with each other.
//
//	go test -run '^$' -bench 'CreateAwait|DirectAwait|Switch|CoroutineCreate|ManySleepers' -cpu 1,2 ./eventloop/
//
// You will see ns/op for each, ns/switch for Switch, and bytes/task (heap
// plus stacks held per waiting task) for ManySleepers. DirectAwait shows a
// direct await costing a function call, or one turn if the callee yields,
// where a task costs a create and two turns more.
//
// Where a loop task's time goes: CreateAwait/loopTask reuses a parked
// coroutine, so it pays for four coroutine switches (the creator parks,
// the new task runs and parks, the creator resumes), and Switch/iterPull
// prices one switch with no loop around it. ManySleepers must start a
// fresh coroutine for every task, since all of them wait at once, and
// CoroutineCreate prices that next to starting a goroutine.

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

func BenchmarkCreateAwait(b *testing.B) {
	b.Run("loopTask", func(b *testing.B) {
		b.ReportAllocs()
		_, err := Run(New(), func(co *Coro) (int, error) {
			for b.Loop() {
				if _, err := Await(co, CreateTask(co, "t", noop)); err != nil {
					return 0, err
				}
			}
			return 0, nil
		})
		if err != nil {
			b.Fatal(err)
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

// BenchmarkDirectAwait (A13) awaits the same coroutine two ways: called
// directly on the caller's coroutine, or made a task and awaited. callee
// says whether it returns at once or yields once first; with yields, both
// ways pay for that one turn, and only the task pays for two more.
// callee=returns/via=task is the op of CreateAwait/loopTask, repeated
// here so that each pair can be read side by side.
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
// all of them: ns/op is the wall time of one such run. bytes/task comes
// from a fresh child process (the "many-sleepers" scene) that measures
// heap plus stacks once every task is waiting: in this process, stacks of
// goroutines that ended earlier are reused and would hide the cost.
func BenchmarkManySleepers(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if testing.Short() {
		sizes = []int{1_000}
	}
	for _, model := range []string{"loop", "goroutines"} {
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
	"goroutines": sleepersOnGoroutines,
}

func init() { scene.Register("many-sleepers", manySleepersScene) }

// manySleepersScene prints the bytes each waiting task holds.
func manySleepersScene() {
	var model string
	var n int
	if _, err := fmt.Sscanf(os.Getenv(sleepersEnv), "%s %d", &model, &n); err != nil || sleepers[model] == nil || n < 1 {
		fmt.Fprintf(os.Stderr, "want %s=\"loop|goroutines N\", got %q\n", sleepersEnv, os.Getenv(sleepersEnv))
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

func sleepersOnGoroutines(n int, d time.Duration, whileWaiting func()) {
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for range n {
		go func() {
			started.Done()
			time.Sleep(d)
			done.Done()
		}()
	}
	if whileWaiting != nil {
		started.Wait()
		whileWaiting()
	}
	done.Wait()
}
