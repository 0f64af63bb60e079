// Claim: every mistake gets a named error, and a loop that ends with work
// left over cancels it, reports it and leaks nothing.
//
//	go test -run 'TestMisuse|TestPanicInATask|TestNeverRetrieved|TestPendingTasks' -v ./eventloop/
//
// You will see each misuse logged with the error it got, and the warnings
// a loop wrote as it closed with tasks pending and an error nobody
// retrieved.

package eventloop

import (
	"bytes"
	"errors"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMisuseAwaitOutsideTheLoop(t *testing.T) {
	var kept *Coro
	var f *Future[int]
	_, err := runQuiet(t, func(co *Coro) (int, error) {
		kept, f = co, NewFuture[int](co.Loop())
		return 0, nil
	})
	require.NoError(t, err)
	_, err = Await(kept, f)
	assert.ErrorIs(t, err, ErrOutsideLoop, "the loop has finished")
	t.Logf("Await after the loop has finished: %v", err)
	_, err = Await(nil, f)
	assert.ErrorIs(t, err, ErrOutsideLoop, "no task at all")
	assert.ErrorIs(t, kept.Sleep(time.Second), ErrOutsideLoop)
	_, err = Await(kept, CreateTask(kept, "late", wait(time.Second)))
	assert.ErrorIs(t, err, ErrOutsideLoop, "a task created outside the loop is born failed")
	assert.ErrorIs(t, New().CallSoon(func() {}), ErrOutsideLoop)
}

func TestMisuseAwaitFromAnotherGoroutine(t *testing.T) {
	_, err := runQuiet(t, func(co *Coro) (int, error) {
		// The goroutine tries to await with main's handle while main is
		// paused, then reports its error back through the loop. It is
		// started from a callback, which runs only once main has paused
		// in its Await below; started from main directly it could call
		// while main was still running, which only debug mode can catch
		// (see the test after next).
		result := NewFuture[error](co.Loop())
		require.NoError(t, co.Loop().CallSoon(func() {
			go func() {
				err := co.Sleep(time.Millisecond)
				_ = co.Loop().CallSoonThreadsafe(func() { _ = result.SetResult(err) })
			}()
		}))
		got, err := Await(co, result)
		require.NoError(t, err)
		assert.ErrorIs(t, got, ErrNotThisTask)
		t.Logf("another goroutine's Sleep with main's handle: %v", got)
		return 0, nil
	})
	require.NoError(t, err)
}

func TestMisuseAwaitWithAnotherTasksHandle(t *testing.T) {
	_, err := runQuiet(t, func(main *Coro) (int, error) {
		other := CreateTask(main, "other", func(co *Coro) (error, error) {
			return main.Sleep(time.Millisecond), nil // main's handle, not co
		})
		got, err := Await(main, other)
		assert.ErrorIs(t, got, ErrNotThisTask)
		t.Logf("a task's Sleep with main's handle: %v", got)
		return 0, err
	})
	require.NoError(t, err)
}

func TestMisuseAwaitFromAGoroutineWhileTheTaskRuns(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the debug mode's thread check needs Linux (gettid)")
	}
	// Here the task is running (blocked on a channel, holding the loop)
	// when the goroutine calls. Only debug mode's thread check sees this.
	l := New(Debug(time.Hour), Log(nil))
	_, err := Run(l, func(co *Coro) (int, error) {
		errc := make(chan error)
		go func() { errc <- co.Sleep(time.Millisecond) }()
		err := <-errc
		assert.ErrorIs(t, err, ErrNotThisTask)
		t.Logf("a goroutine's Sleep while the task runs, Debug on: %v", err)
		return 0, nil
	})
	require.NoError(t, err)
}

func TestMisuseRunningALoopTwice(t *testing.T) {
	l := New(Log(nil))
	_, err := Run(l, func(co *Coro) (int, error) {
		_, err := Run(co.Loop(), func(*Coro) (int, error) { return 0, nil })
		assert.ErrorIs(t, err, ErrLoopRunning, "nested run")
		t.Logf("Run inside the running loop: %v", err)
		return 0, nil
	})
	require.NoError(t, err)
	_, err = Run(l, func(*Coro) (int, error) { return 0, nil })
	assert.ErrorIs(t, err, ErrLoopClosed, "second run")
	t.Logf("Run again: %v", err)
	assert.ErrorIs(t, l.CallSoonThreadsafe(func() {}), ErrLoopClosed)
}

func TestPanicInATaskReachesItsAwaiter(t *testing.T) {
	var other string
	_, err := runQuiet(t, func(co *Coro) (int, error) {
		bad := CreateTask(co, "bad", func(*Coro) (int, error) { panic("boom") })
		good := CreateTask(co, "good", wait(time.Millisecond))
		_, err := Await(co, bad)
		var pe *PanicError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "bad", pe.Task)
		assert.Equal(t, "boom", pe.Value)
		assert.EqualError(t, err, `eventloop: task "bad" panicked: boom`)
		t.Logf("the awaiter got: %v", err)
		other, err = Await(co, good) // the loop and the other task carry on
		return 0, err
	})
	require.NoError(t, err)
	assert.Equal(t, "waited 1ms", other)
}

func TestNeverRetrievedErrorIsReportedAtClose(t *testing.T) {
	var log bytes.Buffer
	l := New(Log(&log))
	_, err := Run(l, func(co *Coro) (int, error) {
		CreateTask(co, "forgotten", func(*Coro) (int, error) { return 0, errors.New("lost") })
		seen := CreateTask(co, "seen", func(*Coro) (int, error) { return 0, errors.New("handled") })
		_, err := Await(co, seen)
		assert.EqualError(t, err, "handled")
		return 0, nil
	})
	require.NoError(t, err)
	want := `eventloop: task "forgotten": error was never retrieved: lost`
	assert.Equal(t, []string{want}, l.Warnings())
	logWarnings(t, l)
	assert.Equal(t, want+"\n", log.String())
}

func TestMisuseCancellingAFinishedTask(t *testing.T) {
	_, err := runQuiet(t, func(co *Coro) (int, error) {
		task := CreateTask(co, "quick", wait(0))
		if _, err := Await(co, task); err != nil {
			return 0, err
		}
		err := task.Cancel()
		assert.ErrorIs(t, err, ErrAlreadyDone)
		assert.EqualError(t, err, `cancel task "quick": eventloop: already done`)
		t.Logf("Cancel on a finished task: %v", err)
		return 0, nil
	})
	require.NoError(t, err)
}

func TestPendingTasksAreCancelledAndReportedWhenTheLoopEnds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(Log(nil))
		var sleeperErr, cleanupErr error
		started := false
		_, err := Run(l, func(co *Coro) (int, error) {
			CreateTask(co, "sleeper", func(co *Coro) (int, error) {
				sleeperErr = co.Sleep(time.Hour)
				// Cleanup cannot wait again: the loop is closing.
				cleanupErr = co.Sleep(time.Second)
				return 0, sleeperErr
			})
			if err := co.Sleep(0); err != nil { // the sleeper starts here
				return 0, err
			}
			CreateTask(co, "never-started", func(*Coro) (int, error) {
				started = true
				return 0, nil
			})
			return 0, nil
		})
		require.NoError(t, err)
		assert.ErrorIs(t, sleeperErr, ErrCancelled)
		assert.ErrorIs(t, cleanupErr, ErrLoopClosing)
		assert.False(t, started, "a task cancelled before its first step never runs")
		assert.Equal(t, []string{
			`eventloop: task "sleeper" was still pending when the loop closed; cancelled`,
			`eventloop: task "never-started" was still pending when the loop closed; cancelled`,
		}, l.Warnings())
		logWarnings(t, l)
		// synctest.Test itself fails if any goroutine of the bubble (a
		// parked coroutine, say) is left when it returns.
	})
}

// logWarnings logs what l reported, one warning a line.
func logWarnings(t *testing.T, l *Loop) {
	t.Helper()
	for _, w := range l.Warnings() {
		t.Log(w)
	}
}
