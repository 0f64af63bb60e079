// Every way a task can fail arrives in the parent as an ordinary error
// value: a sentinel to test with errors.Is, or a typed error to take apart
// with errors.As. The multiprocessing chapter's failure.go is the lesson.

package pool

import (
	"errors"
	"fmt"
)

var (
	// ErrPoolClosed: the pool was closed before the task was submitted.
	ErrPoolClosed = errors.New("pool: pool is closed")
	// ErrPoolTerminated: Terminate (or the pool's context) stopped the
	// pool before the task could finish.
	ErrPoolTerminated = errors.New("pool: pool was terminated")
	// ErrUnknownFunc: no function of that name is registered in the worker.
	ErrUnknownFunc = errors.New("pool: unknown function")
	// ErrDecode: a result could not be decoded by the caller, or an
	// argument by the worker.
	ErrDecode = errors.New("pool: cannot decode")
	// ErrNotWorker: the executable started as a worker never became one,
	// because its main or TestMain does not call ServeIfWorker first.
	ErrNotWorker = errors.New("pool: executable did not call ServeIfWorker")
	// ErrNilPool: a task was given to a nil *Pool (a Submit, a Map, a
	// Func's Call or Map, or an executor made by On(nil)).
	ErrNilPool = errors.New("pool: nil pool")
	// ErrBadRegistration: Register or Define was given an unusable name or
	// function. It is the value they panic with (Register says why).
	ErrBadRegistration = errors.New("pool: bad registration")
)

// TaskPanicError reports a task whose function panicked in the worker. The
// worker recovered and is still serving.
type TaskPanicError struct {
	Func  string
	Value string // the panic value, as fmt's %v prints it
	Stack string // the worker goroutine's stack at the panic
}

func (e *TaskPanicError) Error() string {
	return fmt.Sprintf("pool: %s panicked: %s", e.Func, e.Value)
}

// TaskError reports an error returned by the task's function. Only its text
// crosses the process boundary: an error value cannot.
type TaskError struct {
	Func    string
	Message string
}

func (e *TaskError) Error() string {
	return fmt.Sprintf("pool: %s failed: %s", e.Func, e.Message)
}

// WorkerDiedError reports a task whose worker process ended while running
// it, for example because it was killed. The pool starts a replacement.
type WorkerDiedError struct {
	Func string
	PID  int
	Exit string // how it ended, e.g. "signal: killed" or "exit status 2"
}

func (e *WorkerDiedError) Error() string {
	return fmt.Sprintf("pool: worker %d died running %s: %s", e.PID, e.Func, e.Exit)
}
