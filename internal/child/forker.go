// On Linux the parent-death signal fires when the *thread* that forked a
// child ends, not when the process does. The Go runtime moves goroutines
// between threads and may end a thread at any time (always, when a
// goroutine exits still locked to it), so a child forked from an arbitrary
// goroutine could be killed in the middle of a healthy run. A Forker is
// one goroutine locked to one OS thread that forks every child given to
// it and lets its thread go only once all of them have been reaped.

package child

import (
	"os/exec"
	"runtime"
)

// A Forker starts children from a thread of its own. Its methods may be
// called from any goroutine, but not after Stop.
type Forker struct {
	reqs chan forkRequest
	done chan struct{}
}

type forkRequest struct {
	cmd *exec.Cmd
	cpu int
	err chan error
}

// NewForker locks a new goroutine to a thread and waits there for
// children to start.
func NewForker() *Forker {
	f := &Forker{reqs: make(chan forkRequest), done: make(chan struct{})}
	go f.loop()
	return f
}

func (f *Forker) loop() {
	runtime.LockOSThread()
	defer close(f.done)
	for r := range f.reqs {
		r.err <- startOn(r.cmd, r.cpu)
	}
	// Stop's contract: every child forked here has been reaped, so the
	// thread may go back to the runtime.
	runtime.UnlockOSThread()
}

// Start starts cmd from the forker's thread. If cpu is not -1 the child
// may run only on that CPU, from its first instruction and in every
// thread it makes (Linux; elsewhere cpu is ignored).
func (f *Forker) Start(cmd *exec.Cmd, cpu int) error {
	r := forkRequest{cmd: cmd, cpu: cpu, err: make(chan error, 1)}
	f.reqs <- r
	return <-r.err
}

// Stop ends the forker and waits for its goroutine. Call it once, and only
// after every child it started has exited and been waited for.
func (f *Forker) Stop() {
	close(f.reqs)
	<-f.done
}
