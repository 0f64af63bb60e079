// Running one Python program so that nothing it starts outlives it.

package cpython

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/concurrency-atlas/atlas/internal/child"
)

// ErrNoScript means a Program or MeasureOptions names no script.
var ErrNoScript = errors.New("cpython: no script to run")

// ErrLeftBehind means a program ended while processes it had started
// still ran after Linger. Run kills them before it returns this.
var ErrLeftBehind = errors.New("cpython: processes left behind")

// DefaultLinger is how long a program's own helper processes may take to
// end after it: multiprocessing's resource tracker and forkserver notice
// only when their pipe to the program closes.
const DefaultLinger = 5 * time.Second

// Program is one run of a Python program.
type Program struct {
	Script string   // the program's file
	Args   []string // its arguments
	Env    []string // KEY=VALUE settings added to this process's environment
	Stdout io.Writer
	Stderr io.Writer // nil discards, as for Stdout
	// Linger is how long processes the program started may outlive it
	// before they count as left behind; 0 means DefaultLinger.
	Linger time.Duration
}

// ExitError is a program that did not exit with status 0.
type ExitError struct {
	Script string
	Code   int    // -1 when a signal ended it
	Signal string // the signal, or ""
	Stderr string // the end of what it wrote to stderr
}

func (e *ExitError) Error() string {
	how := fmt.Sprintf("exited with status %d", e.Code)
	if e.Signal != "" {
		how = "was killed by " + e.Signal
	}
	if e.Stderr == "" {
		return fmt.Sprintf("cpython: %s %s", e.Script, how)
	}
	return fmt.Sprintf("cpython: %s %s:\n%s", e.Script, how, e.Stderr)
}

// Run runs p with the interpreter and waits for it and for every process
// it started. The program runs in a process group of its own, with the
// parent-death signal on Linux, and without writing bytecode caches (-B)
// beside its modules. When ctx ends the whole group is killed and Run
// returns ctx's error; a non-zero exit is an *ExitError; processes still
// in the group Linger after the program ended are killed and reported
// as ErrLeftBehind (joined to any exit error).
func (in Interpreter) Run(ctx context.Context, p Program) error {
	bin, err := in.program()
	if err != nil {
		return err
	}
	if p.Script == "" {
		return ErrNoScript
	}
	if _, err := os.Stat(p.Script); err != nil {
		return fmt.Errorf("cpython: %w", err)
	}
	linger := p.Linger
	if linger == 0 {
		linger = DefaultLinger
	}
	tail := &tailBuffer{limit: 2048}
	cmd := exec.CommandContext(ctx, bin, append([]string{"-B", p.Script}, p.Args...)...)
	cmd.Env = append(os.Environ(), p.Env...)
	cmd.Stdout = p.Stdout
	cmd.Stderr = tail
	if p.Stderr != nil {
		cmd.Stderr = io.MultiWriter(p.Stderr, tail)
	}
	cmd.SysProcAttr = child.Attrs(true)
	cmd.Cancel = func() error { return child.KillGroup(cmd) }
	// A process the program left behind may hold its stdout or stderr:
	// Wait stops copying from them Linger after the program's exit.
	cmd.WaitDelay = linger

	forker := child.NewForker()
	defer forker.Stop() // after everything it started is reaped, below
	if err := forker.Start(cmd, -1); err != nil {
		return fmt.Errorf("cpython: starting %s: %w", p.Script, err)
	}
	waitErr := cmd.Wait()
	if errors.Is(waitErr, exec.ErrWaitDelay) {
		waitErr = nil // it exited with status 0; what holds its pipes is found below
	}
	if ctx.Err() != nil {
		_ = child.KillGroup(cmd)
		child.WaitGroupGone(cmd, 5*time.Second)
		return ctx.Err()
	}
	left := lingering(cmd, linger)
	var errs []error
	if waitErr != nil {
		var exit *exec.ExitError
		if !errors.As(waitErr, &exit) {
			return fmt.Errorf("cpython: %s: %w", p.Script, waitErr)
		}
		errs = append(errs, &ExitError{Script: p.Script, Code: exit.ExitCode(),
			Signal: child.Signal(exit.ProcessState), Stderr: tail.String()})
	}
	if len(left) > 0 {
		errs = append(errs, fmt.Errorf("%w: %s ended, and %d of its processes still ran after %v (pids %v); killed",
			ErrLeftBehind, p.Script, len(left), linger, left))
	}
	return errors.Join(errs...)
}

// lingering waits up to limit for the rest of cmd's process group to
// end, kills whatever is still running then and says which pids those
// were.
func lingering(cmd *exec.Cmd, limit time.Duration) []int {
	deadline := time.Now().Add(limit)
	for {
		left := groupMembers(cmd.Process.Pid)
		if len(left) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			_ = child.KillGroup(cmd)
			child.WaitGroupGone(cmd, 5*time.Second)
			return left
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// tailBuffer keeps the last limit bytes written to it.
type tailBuffer struct {
	limit int
	buf   bytes.Buffer
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.buf.Write(p)
	if extra := t.buf.Len() - t.limit; extra > 0 {
		t.buf.Next(extra)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return string(bytes.TrimSpace(t.buf.Bytes())) }
