// Claim: tasks started together can be ended together, as asyncio's
// TaskGroup ends them. A TaskGroup's Wait returns once every task of the
// group has finished; the first failure cancels the others, and Wait
// returns every failure joined, as the ExceptionGroup that asyncio
// raises. It is errgroup.Group for the tasks of one loop, built on
// CreateTask, Cancel and done callbacks.
//
//	go test -run 'TestTaskGroup' -v ./eventloop/
//
// You will see three tasks of 1, 2 and 3 s end together at 3s; a task
// failing at 1s cancel its 5 s siblings at 1s, with only its own error
// returned; and a cancelled owner take its group's tasks down with it.

package eventloop

import (
	"errors"
	"fmt"
)

var (
	// ErrTaskGroupDone: Go was called on a TaskGroup whose Wait has
	// returned or that is cancelling its tasks after a failure, or Wait
	// was called a second time, as asyncio's TaskGroup refuses new tasks
	// once it is finished or shutting down.
	ErrTaskGroupDone = errors.New("eventloop: the task group has finished or is shutting down")

	// ErrNilTaskGroup: a method was called on a nil *TaskGroup.
	ErrNilTaskGroup = errors.New("eventloop: nil task group")
)

// TaskGroup runs tasks that end together, as asyncio.TaskGroup does, with
// errgroup.Group's shape: a task is a func(*Coro) error, and one that
// has a result writes it into a variable of its creator (tasks of one
// loop never run at once, so that needs no lock). The zero TaskGroup is
// ready to use; its first task binds it to that task's loop. Unlike
// asyncio's, a failure does not cancel the task that made the group: it
// hears of the failure when it calls Wait. All its methods belong to the
// tasks of its loop.
type TaskGroup struct {
	loop     *Loop
	tasks    []*Task[struct{}] // in the order they were made
	pending  int
	failures []error
	aborting bool // a task failed, or the waiting task was cancelled
	waiting  bool
	waited   bool
	wake     *Future[struct{}] // pending while Wait waits, else nil
}

// Go starts fn as a task of the group, named name, from the task co (the
// group's creator or any task of the same loop, one of the group's own
// included). It fails with ErrTaskGroupDone once Wait has returned or
// while the group is cancelling its tasks, ErrNilFunc for a nil fn,
// ErrOtherLoop for a task of another loop, and as any await does for a
// caller that is not co's task.
func (g *TaskGroup) Go(co *Coro, name string, fn func(*Coro) error) error {
	if g == nil {
		return ErrNilTaskGroup
	}
	if fn == nil {
		return ErrNilFunc
	}
	if err := g.bind(co); err != nil {
		return err
	}
	if g.waited || g.aborting {
		return ErrTaskGroupDone
	}
	t := CreateTask(co, name, func(co *Coro) (struct{}, error) { return struct{}{}, fn(co) })
	g.tasks = append(g.tasks, t)
	g.pending++
	return t.AddDoneCallback(func() { whereAllowed(g.loop, func() { g.finished(t) }) })
}

// Wait pauses the calling task until every task of the group has
// finished, tasks started meanwhile included, and returns the failures
// joined with errors.Join (each naming its task), or nil. A task that
// ends with ErrCancelled has not failed. If the waiting task is cancelled,
// Wait cancels every task of the group, waits for them, and returns
// ErrCancelled joined with any failures; if the loop is closing, it
// returns ErrLoopClosing without waiting. A group is waited for once: a
// second Wait is ErrTaskGroupDone.
func (g *TaskGroup) Wait(co *Coro) error {
	if g == nil {
		return ErrNilTaskGroup
	}
	if err := g.bind(co); err != nil {
		return err
	}
	if g.waiting || g.waited {
		return ErrTaskGroupDone
	}
	g.waiting = true
	defer func() { g.waiting, g.waited = false, true }()
	var interrupted error
	for g.pending > 0 {
		g.wake = NewFuture[struct{}](co.Loop())
		if _, err := Await(co, g.wake); err != nil {
			g.wake = nil
			g.abort()
			if interrupted != nil || errors.Is(err, ErrLoopClosing) {
				interrupted = err
				break // a wait that fails twice, or on a closing loop, would fail again
			}
			interrupted = err
		}
	}
	return errors.Join(append(g.failures, interrupted)...)
}

// bind checks that co is a running task and ties the group to its loop.
func (g *TaskGroup) bind(co *Coro) error {
	if err := onLoop(co); err != nil {
		return err
	}
	switch {
	case g.loop == nil:
		g.loop = co.Loop()
	case g.loop != co.Loop():
		return ErrOtherLoop
	}
	return nil
}

// finished is each task's done callback, on the loop.
func (g *TaskGroup) finished(t *Task[struct{}]) {
	g.pending--
	if _, err := t.Result(); err != nil && !errors.Is(err, ErrCancelled) {
		g.failures = append(g.failures, fmt.Errorf("task %q: %w", t.Name(), err))
		g.abort()
	}
	if g.pending == 0 && g.wake != nil {
		w := g.wake
		g.wake = nil
		_ = w.SetResult(struct{}{})
	}
}

// abort cancels every task of the group that has not finished.
func (g *TaskGroup) abort() {
	if g.aborting {
		return
	}
	g.aborting = true
	for _, t := range g.tasks {
		if !t.Done() {
			_ = t.Cancel()
		}
	}
}
