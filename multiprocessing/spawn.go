package multiprocessing

// Claim M6: workers must not outlive their parent. On Linux the kernel can
// kill a child when its parent dies (the parent-death signal, Pdeathsig),
// but it fires when the *thread* that forked the child exits, not the
// process. The Go runtime moves goroutines between threads and may end a
// thread at any time (always, when a goroutine exits still locked to it),
// so a worker forked from an arbitrary goroutine could be killed in the
// middle of a healthy run. The spawner below avoids that: one goroutine,
// locked to one OS thread for the whole life of a pool, forks every worker
// of that pool, and lets the thread go only after all of them are reaped.

import (
	"os/exec"
	"runtime"
	"syscall"
)

type spawnRequest struct {
	cmd *exec.Cmd
	cpu int // the one CPU the child may run on, or -1 for any
	err chan error
}

type spawner struct {
	reqs chan spawnRequest
	done chan struct{}
}

func newSpawner() *spawner {
	s := &spawner{reqs: make(chan spawnRequest), done: make(chan struct{})}
	go s.loop()
	return s
}

func (s *spawner) loop() {
	runtime.LockOSThread()
	defer close(s.done)
	for r := range s.reqs {
		r.err <- startOn(r.cmd, r.cpu)
	}
	// Every child forked on this thread has been reaped by now (stop's
	// contract), so the thread may go back to the runtime.
	runtime.UnlockOSThread()
}

// start forks cmd on the spawner's thread, pinned to cpu unless it is -1.
func (s *spawner) start(cmd *exec.Cmd, cpu int) error {
	r := spawnRequest{cmd: cmd, cpu: cpu, err: make(chan error, 1)}
	s.reqs <- r
	return <-r.err
}

// stop ends the spawner. Call it only after every process it started has
// exited and been waited for.
func (s *spawner) stop() {
	close(s.reqs)
	<-s.done
}

// workerAttrs sets what every worker process gets from the OS: its own
// process group, so that a signal aimed at the parent's group (Ctrl-C, a
// test harness killing a group) does not decide the workers' fate, the
// pool does; and, on Linux, the parent-death signal.
func workerAttrs(deathSignal bool) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{}
	ownProcessGroup(a)
	if deathSignal {
		setParentDeathSignal(a)
	}
	return a
}
