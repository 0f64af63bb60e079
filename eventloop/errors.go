// Claim: misuse has a name. Each way of using the loop wrongly returns one
// of these errors instead of hanging or crashing, so a caller can match it
// with errors.Is; a nil is ErrNil..., never a nil-pointer panic.
//
//	go test -run 'TestMisuse|TestNil|TestForeignGoroutineGets' -v ./eventloop/
//
// You will see every misuse logged with the named error it got: a subtest
// for each nil, and for each loop-only call from another goroutine, with
// the loop idle or busy and Debug off or on.

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

	// ErrWrongGoroutine: an operation that belongs to the loop's own
	// goroutine (SetResult, SetError, Cancel, AddDoneCallback or Result on
	// a future or task, CallSoon, CallLater, CallAt, TimerHandle.Cancel)
	// was called from another goroutine while
	// the loop runs. Such a call would race with the loop or leave it
	// asleep; other goroutines reach the loop through CallSoonThreadsafe
	// or Submit. Pending.Wait returns it for the opposite mistake: waiting
	// on the loop's own goroutine, which would block the loop that has to
	// finish the task.
	ErrWrongGoroutine = errors.New("eventloop: called from a goroutine that is not the loop's (use CallSoonThreadsafe or Submit)")

	// ErrOtherLoop: a future, task or queue of one loop was used by a
	// task of another loop.
	ErrOtherLoop = errors.New("eventloop: the future, task or queue belongs to another loop")

	// ErrLoopRunning: Run was called on a loop that is running.
	ErrLoopRunning = errors.New("eventloop: loop is already running")

	// ErrLoopClosed: Run was called on a loop that has already run; a
	// loop runs once, like asyncio.run's loop. CallSoonThreadsafe and
	// Submit return it too once the loop has finished.
	ErrLoopClosed = errors.New("eventloop: loop is closed; a loop runs only once")

	// ErrCancelled is what an await returns in a task that was cancelled,
	// and what awaiting a cancelled task or future returns.
	ErrCancelled = errors.New("eventloop: cancelled")

	// ErrLoopClosing: after the main task has returned, every await in a
	// task that is still alive fails at once, so shutdown cannot hang. A
	// submitted task that the loop could no longer start ends with it.
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

// A nil where the loop needs a value gets its own error rather than a
// nil-pointer panic. Bounded(0, fn) and NewQueue(l, -1) return a nil
// value beside their error, so a dropped error leads straight here.
var (
	// ErrNilFunc: a nil function was given to Run, CreateTask, CallSoon,
	// CallLater, CallAt, CallSoonThreadsafe, AddDoneCallback, ToThread,
	// Submit or Bounded;
	// every call of an executor made by InGoroutines(nil) returns it too.
	ErrNilFunc = errors.New("eventloop: nil function")

	// ErrNilExecutor: RunInExecutor was given a nil Executor (what
	// Bounded returns beside its error, say), or a nil pointer or nil
	// func inside a non-nil one.
	ErrNilExecutor = errors.New("eventloop: nil executor")

	// ErrNilLoop: a nil *Loop was given to Run, Submit or NewQueue or had
	// a method called on it, or a future, task or timer handle that has
	// no loop (made by NewFuture(nil), or a zero Future, Task or
	// TimerHandle) was used.
	ErrNilLoop = errors.New("eventloop: nil loop")

	// ErrNilFuture: Await, WaitFor or Gather was given a nil Awaitable
	// (a nil interface, *Future or *Task), or a method was called on a
	// nil *Future, *Task or *Pending, or on a zero Pending that no Submit
	// made.
	ErrNilFuture = errors.New("eventloop: nil future or task")

	// ErrNilQueue: a method was called on a nil *Queue.
	ErrNilQueue = errors.New("eventloop: nil queue")

	// ErrNilError: SetError was given a nil error.
	ErrNilError = errors.New("eventloop: SetError needs a non-nil error")

	// ErrNilHandle: Cancel was called on a nil *TimerHandle.
	ErrNilHandle = errors.New("eventloop: nil timer handle")
)

var (
	// ErrBadLimit: a limit on calls running at once was below 1, which
	// would leave room for none: Bounded returns it, and Run returns it
	// for a loop made with ToThreadLimit(n < 1), which it does not run.
	ErrBadLimit = errors.New("eventloop: a limit on concurrent calls must be at least 1")

	// ErrGoexit: the function given to ToThread, or an executor's Execute
	// under RunInExecutor, ended its goroutine with runtime.Goexit
	// (t.FailNow or t.Fatal in a test, say) instead of returning, so it
	// has no result.
	ErrGoexit = errors.New("eventloop: a call off the loop called runtime.Goexit instead of returning")

	// ErrBadCount: ParkWaiters was asked for fewer than one unit, or
	// ManySleepers for fewer than none.
	ErrBadCount = errors.New("eventloop: a count of waiting units below the least allowed")

	// ErrUnknownUnit: ParkWaiters was given a Unit that is none of
	// UnitCallback, UnitTimer and UnitTask.
	ErrUnknownUnit = errors.New("eventloop: unknown kind of waiting unit")

	// ErrTaskResult: SetResult or SetError on a task. A task's result is
	// what its coroutine returns, as in asyncio, where Task.set_result
	// raises; cancel a task with Cancel.
	ErrTaskResult = errors.New("eventloop: a task's result is what its coroutine returns; SetResult and SetError are for futures")
)

// PanicError carries a panic out of a task to whoever awaits it, as
// asyncio carries an exception: the loop and the other tasks carry on. A
// panic in a function given to ToThread, or in an executor's Execute
// under RunInExecutor, reaches the awaiting task the same way.
type PanicError struct {
	Task  string // the task that panicked, or that awaited the call that did
	Call  string // what panicked on the task's behalf; empty for the task's own body
	Value any    // what was passed to panic
	Stack []byte // the panicking goroutine's stack, taken where it was recovered
}

func (e *PanicError) Error() string {
	if e == nil {
		return "<nil>"
	}
	if e.Call == "" {
		return fmt.Sprintf("eventloop: task %q panicked: %v", e.Task, e.Value)
	}
	return fmt.Sprintf("eventloop: task %q: %s panicked: %v", e.Task, e.Call, e.Value)
}

// Unwrap returns the panic value if it is an error (a runtime error, say),
// so that errors.Is and errors.As see through the panic.
func (e *PanicError) Unwrap() error {
	if e == nil {
		return nil
	}
	err, _ := e.Value.(error)
	return err
}
