// The parent's side of one pool worker: a process and two pipes. A call is
// one frame out and one frame back; the worker answers each call before it
// reads the next, so replies come in the order of the calls and need no
// request ids. When anything about the conversation goes wrong (a write
// fails, the reply stream ends or is malformed) the worker is considered
// dead: it is killed if need be, reaped, and its exit status becomes part
// of the error (dispatch.go says what happens to its tasks).

package pool

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/concurrency-atlas/atlas/internal/child"
)

// helloTimeout bounds the wait for a new worker's first message. It only
// matters for a binary that never calls ServeIfWorker and runs its normal
// program instead; a real worker says hello within milliseconds.
var helloTimeout = 10 * time.Second

type worker struct {
	cmd     *exec.Cmd
	pid     int
	cfile   *os.File  // the calls pipe, for Close
	calls   io.Writer // parent writes calls here (through cfile)
	replies *bufio.Reader
	rfile   *os.File
	max     int
	// cancelled: the pool killed it to stop a cancelled task, so the
	// death is nobody's fault.
	cancelled atomic.Bool
	exit      string // set by reap
}

// startWorker starts a worker, pinned to cpu unless it is -1, and waits
// until it is ready.
func startWorker(sp *child.Forker, cfg *config, cpu int) (*worker, error) {
	w, err := launchWorker(sp, cfg, cpu)
	if err != nil {
		return nil, err
	}
	if err := w.ready(); err != nil {
		return nil, err
	}
	return w, nil
}

// launchWorker forks a worker without waiting for it. Starting one costs a
// whole Go program's start-up (bench.BenchmarkStartJoin/model=process),
// almost all of it in the child, so a pool launches all its workers before
// it waits for any.
func launchWorker(sp *child.Forker, cfg *config, cpu int) (*worker, error) {
	exe, err := cfg.executable()
	if err != nil {
		return nil, err
	}
	callR, callW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	replyR, replyW, err := os.Pipe()
	if err != nil {
		callR.Close()
		callW.Close()
		return nil, err
	}
	cmd := exec.Command(exe)
	cmd.Env = child.Env(entryPool, envMaxFrame+"="+strconv.Itoa(cfg.maxFrame))
	cmd.ExtraFiles = []*os.File{callR, replyW} // fds 3 and 4 in the child
	cmd.Stdout, cmd.Stderr = cfg.output, cfg.output
	cmd.SysProcAttr = child.Attrs(cfg.deathSignal)
	err = sp.Start(cmd, cpu)
	// The child has its copies; the parent keeping these would stop the
	// child from ever seeing end of stream, and itself from seeing the
	// child die.
	callR.Close()
	replyW.Close()
	if err != nil {
		callW.Close()
		replyR.Close()
		return nil, err
	}
	return &worker{cmd: cmd, pid: cmd.Process.Pid, cfile: callW, calls: newQuietPipe(callW),
		rfile: replyR, replies: bufio.NewReaderSize(newQuietPipe(replyR), 64<<10),
		max: cfg.maxFrame}, nil
}

// ready waits for a launched worker's hello. If none comes, the worker is
// killed and reaped, and the error says how it ended.
func (w *worker) ready() error {
	if err := w.awaitHello(); err != nil {
		w.kill()
		w.reap()
		return fmt.Errorf("worker %d (%s): %w", w.pid, w.exit, err)
	}
	return nil
}

func (w *worker) awaitHello() error {
	t := time.AfterFunc(helloTimeout, w.kill)
	defer t.Stop()
	body, err := ReadFrame(w.replies, w.max)
	if err != nil {
		return ErrNotWorker
	}
	if m, err := decodeMessage(body); err != nil || m.kind != kindHello {
		return ErrNotWorker
	}
	return nil
}

// send writes one call. An error means the worker can no longer be used.
func (w *worker) send(name string, arg []byte) error {
	return WriteFrame(w.calls, message{kind: kindCall, name: name, body: arg}.encode(), w.max)
}

// receive reads the next reply and the bytes it took. An error means the
// worker can no longer be used: it has died (io.EOF, or
// io.ErrUnexpectedEOF in mid-frame) or its reply is malformed.
func (w *worker) receive() (message, int, error) {
	body, err := ReadFrame(w.replies, w.max)
	if err != nil {
		return message{}, 0, err
	}
	m, err := decodeMessage(body)
	if err == nil && (m.kind == kindCall || m.kind == kindHello) {
		err = fmt.Errorf("%w: reply of kind %d", errBadMessage, m.kind)
	}
	return m, frameHeader + len(body), err
}

// kill ends the process now. It is safe to call at any time, repeatedly.
func (w *worker) kill() {
	_ = w.cmd.Process.Kill()
}

// reap waits for the process and records how it ended.
func (w *worker) reap() {
	w.cfile.Close()
	err := w.cmd.Wait()
	w.rfile.Close()
	var exit *exec.ExitError
	switch {
	case err == nil:
		w.exit = "exit status 0"
	case errors.As(err, &exit):
		w.exit = exit.ProcessState.String()
	default:
		w.exit = err.Error()
	}
}
