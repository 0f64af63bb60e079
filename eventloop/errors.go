// Misuse has a name. Each way of using the loop wrongly returns one of these
// errors instead of hanging or crashing, so a reader can match on it with
// errors.Is. Run: go test -run TestMisuse ./eventloop/ to see each one.
package eventloop

import (
	"context"
	"errors"
	"fmt"
)

var (
	// ErrOutsideLoop: a loop operation was called while no loop was
	// running it (before Run, after Run returned, or with a nil *Coro).
	ErrOutsideLoop = errors.New("eventloop: no running loop for this call (await outside the loop)")

	// ErrNotThisTask: the loop is running, but the caller is not the task
	// that owns the *Coro it passed: another goroutine, a callback, or a
	// different task. Only the owner may suspend itself.
	ErrNotThisTask = errors.New("eventloop: called from outside this task's coroutine (another goroutine, callback or task)")

	// ErrLoopRunning: Run was called on a loop that is running.
	ErrLoopRunning = errors.New("eventloop: loop is already running")

	// ErrLoopClosed: Run was called on a loop that has already run; a
	// loop runs once, like asyncio.run's loop.
	ErrLoopClosed = errors.New("eventloop: loop is closed; a loop runs only once")

	// ErrCancelled is what an await returns in a task that was cancelled,
	// and what awaiting a cancelled task or future returns.
	ErrCancelled = errors.New("eventloop: cancelled")

	// ErrLoopClosing: after the main task has returned, every await in a
	// task that is still alive fails at once, so shutdown cannot hang.
	ErrLoopClosing = errors.New("eventloop: loop is closing")

	// ErrAlreadyDone: Cancel, SetResult or SetError on something that
	// has already finished.
	ErrAlreadyDone = errors.New("eventloop: already done")

	// ErrNotDone: Result on a future that has no result yet.
	ErrNotDone = errors.New("eventloop: result is not ready")

	// ErrTimeout is what WaitFor returns when its time runs out. It
	// matches context.DeadlineExceeded too.
	ErrTimeout = fmt.Errorf("eventloop: wait timed out: %w", context.DeadlineExceeded)
)

// PanicError carries a panic out of a task to whoever awaits it, as
// asyncio carries an exception: the loop and the other tasks carry on.
type PanicError struct {
	Task  string
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("eventloop: task %q panicked: %v", e.Task, e.Value)
}
