// Claim M1: processes are started and joined. Start launches one worker
// process that runs a single registered function with the given argument
// and exits; Join waits for it and collects its pid, exit status and
// output. Nothing is shared: the argument goes in on stdin, the result
// comes back on stdout.
//
//	go test -run 'StartJoin|Example_startJoin' ./multiprocessing/
//
// You will see three processes with three different pids, each exit status
// 0.

package multiprocessing

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"slices"
	"strconv"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// Process is a started worker process. Join it: until then its pid is held
// by the OS, and a goroutine of this process waits for it.
type Process struct {
	name    string
	cmd     *exec.Cmd
	stdout  bytes.Buffer
	stderr  bytes.Buffer
	done    chan struct{}
	waitErr error
	served  bool // the child said hello: it was a worker (hello_unix.go)
}

// ProcessResult is what a joined process did.
type ProcessResult struct {
	Func     string
	PID      int
	ExitCode int    // -1 if it was killed by a signal
	Exit     string // as the OS put it, e.g. "exit status 0", "signal: killed"
	Stdout   string // the function's result, or anything it printed
	Stderr   string
}

// Start runs the registered function name in a new process with arg as
// its argument: this executable, started again. files, if any, are passed
// to the child as fds 3, 4, ... (how the shared-memory demonstration hands
// over its mapping). Cancelling ctx kills the process.
// The executable must call pool.ServeIfWorker at the start of main or
// TestMain; Join reports it if it does not.
func Start(ctx context.Context, name string, arg []byte, files ...*os.File) (*Process, error) {
	return StartProgram(ctx, "", name, arg, files...)
}

// StartProgram is Start with another executable, program, in place of
// this one: a small worker program that registers the function and calls
// pool.ServeIfWorker first (see pool.WithProgram for why one would). An
// empty program is this executable, as for Start.
func StartProgram(ctx context.Context, program, name string, arg []byte, files ...*os.File) (*Process, error) {
	if child.Unserved() {
		return nil, pool.ErrNotWorker
	}
	exe := program
	if exe == "" {
		// As pool.WithProgram(""): this executable.
		var err error
		if exe, err = os.Executable(); err != nil {
			return nil, err
		}
	}
	helloR, helloW, err := newHelloPipe()
	if err != nil {
		return nil, err
	}
	p := &Process{name: name, done: make(chan struct{})}
	p.cmd = exec.CommandContext(ctx, exe)
	p.cmd.Env = child.Env(entryOnce, envFunc+"="+name)
	if len(arg) > 0 {
		// An empty argument needs no pipe: the child reads /dev/null,
		// which is empty too, and the parent saves a pipe and a goroutine.
		p.cmd.Stdin = bytes.NewReader(arg)
	}
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	p.cmd.ExtraFiles = files
	if helloW != nil {
		// The hello pipe comes after the caller's files, which keep their
		// documented numbers: extra files start at fd 3.
		p.cmd.ExtraFiles = append(slices.Clip(files), helloW)
		p.cmd.Env = append(p.cmd.Env, envHello+"="+strconv.Itoa(3+len(files)))
	}
	p.cmd.SysProcAttr = child.Attrs(true)

	// The thread that forks the child must live as long as the child, or
	// the parent-death signal kills it early: the forker keeps its thread
	// until the child has been reaped.
	forker := child.NewForker()
	err = forker.Start(p.cmd, -1)
	if helloW != nil {
		helloW.Close() // the child has its copy
	}
	if err != nil {
		if helloR != nil {
			helloR.Close()
		}
		forker.Stop()
		return nil, err
	}
	go func() {
		defer forker.Stop()
		p.waitErr = p.cmd.Wait()
		p.served = helloSent(helloR)
		if helloR != nil {
			helloR.Close()
		}
		close(p.done)
	}()
	return p, nil
}

// PID is the process id of the child.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// Join waits for the process to exit and returns what it did. A non-zero
// exit is not an error here; it is in the result. The error reports a
// failure to wait for the child or to collect its output, or ErrNotWorker
// for a child that exited without ever serving: an executable that does
// not call ServeIfWorker ran its own main again instead of the function,
// and the result holds what that printed. (A child killed by a signal
// before it could say so is not blamed; on systems other than Unix the
// child is always trusted.)
func (p *Process) Join() (ProcessResult, error) {
	<-p.done
	res := ProcessResult{Func: p.name, PID: p.PID(), Stdout: p.stdout.String(), Stderr: p.stderr.String()}
	res.ExitCode = p.cmd.ProcessState.ExitCode()
	res.Exit = p.cmd.ProcessState.String()
	var exit *exec.ExitError
	if p.waitErr != nil && !errors.As(p.waitErr, &exit) {
		return res, p.waitErr
	}
	if !p.served && res.ExitCode >= 0 {
		return res, pool.ErrNotWorker
	}
	return res, nil
}
