package multiprocessing

// Go cannot fork a running program: fork copies only the calling thread,
// and the Go runtime runs on many threads (scheduler, GC, timers) whose
// locks and state the copy would inherit half-held. So a Go "worker
// process" is the same executable started again, with a marker in its
// environment, and one call at the top of main (or TestMain) that notices
// the marker and turns the process into a worker instead of running the
// program:
//
//	func main() {
//		multiprocessing.ServeIfWorker() // returns at once unless a worker
//		...
//	}
//
// Because the worker is a fresh start of the same binary, it knows only the
// functions the binary registers before main runs (in init functions or
// package-level variables), and it shares no memory with its parent: every
// argument and result crosses a pipe as bytes.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/concurrency-atlas/atlas/internal/child"
)

// The two kinds of worker, as entry points of internal/child, and the
// environment variables that carry their settings.
const (
	entryPool = "multiprocessing/pool" // serves a pool until its pipe closes
	entryOnce = "multiprocessing/once" // runs one function, as Start asks

	envFunc     = "ATLAS_MP_FUNC"     // the function of a "once" process
	envMaxFrame = "ATLAS_MP_MAXFRAME" // the pool's frame limit
	envHello    = "ATLAS_MP_HELLO"    // the fd a "once" process says hello on
)

func init() {
	child.Register(entryPool, servePool)
	child.Register(entryOnce, serveOnce)
}

// A pool worker reads calls from fd 3 and writes replies to fd 4, leaving
// stdout and stderr free for whatever the functions print.
const (
	fdCalls   = 3
	fdReplies = 4
)

var (
	registryMu sync.RWMutex
	registry   = map[string]func([]byte) ([]byte, error){}
)

// Register makes fn callable by name in worker processes. Call it from an
// init function or a package-level variable of any package, so that it
// has run in the parent and in every worker before ServeIfWorker.
//
// It panics, with an error matching ErrBadRegistration, on an empty or
// over-long name (255 bytes is the limit), a nil function, or a name
// already taken; Define refuses the same, the same way. It panics rather
// than return or record the error because registration runs at init, in
// the parent and in every worker alike: the mistake is in the program's
// text, no caller could handle it, and the panic's stack points at the
// line to fix, as flag does for a flag defined twice. Recorded for NewPool
// or Start to report, it would surface far from its cause, and only in
// the programs that happen to start a worker.
func Register(name string, fn func(arg []byte) ([]byte, error)) {
	register("Register", name, fn)
}

// register is Register on behalf of caller, the function to name in the
// panic.
func register(caller, name string, fn func([]byte) ([]byte, error)) {
	switch {
	case name == "" || len(name) > maxNameLen:
		panic(fmt.Errorf("%w: %s(%.40q): a name needs 1 to %d bytes", ErrBadRegistration, caller, name, maxNameLen))
	case fn == nil:
		panic(fmt.Errorf("%w: %s(%q) needs a function", ErrBadRegistration, caller, name))
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[name]; dup {
		panic(fmt.Errorf("%w: %s(%q): the name is taken", ErrBadRegistration, caller, name))
	}
	registry[name] = fn
}

func lookup(name string) func([]byte) ([]byte, error) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	return registry[name]
}

// ServeIfWorker returns at once in an ordinary process. In a process that
// a Pool or Start launched, it serves the parent and exits, never
// returning. Call it first in main, and first in TestMain (before m.Run or
// goleak.VerifyTestMain), of every program that starts workers.
//
// A program that forgets it runs its own code twice: a worker is the same
// executable started again, so it runs main (a test binary, its whole
// suite) instead of the function. The parent hears of it only when the
// worker has given up or exited: NewPool and Join then return
// ErrNotWorker.
func ServeIfWorker() { child.Serve() }

// servePool answers calls until its input pipe closes. That end of stream
// is also how a worker outlives neither a Close nor a dead parent: when the
// parent goes, so does the last writer of the pipe.
func servePool() int {
	max, err := strconv.Atoi(os.Getenv(envMaxFrame))
	if err != nil || max <= 0 {
		max = DefaultMaxFrame
	}
	in := bufio.NewReader(newQuietPipe(pollableFile(fdCalls, "calls")))
	out := newQuietPipe(pollableFile(fdReplies, "replies"))
	if err := WriteFrame(out, message{kind: kindHello}.encode(), max); err != nil {
		return 1
	}
	for {
		body, err := ReadFrame(in, max)
		if err == io.EOF {
			return 0
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "multiprocessing worker:", err)
			return 1
		}
		call, err := decodeMessage(body)
		if err != nil || call.kind != kindCall {
			fmt.Fprintln(os.Stderr, "multiprocessing worker: expected a call:", err)
			return 1
		}
		reply := run(call.name, call.body)
		if len(reply.body)+1 > max {
			reply = message{kind: kindTooLarge, body: fmt.Appendf(nil, "result of %d bytes", len(reply.body))}
		}
		if err := WriteFrame(out, reply.encode(), max); err != nil {
			return 1 // the parent has gone
		}
	}
}

// run calls one function and turns every outcome into a reply. A panic is
// recovered here so that it costs one task, not the worker.
func run(name string, arg []byte) (reply message) {
	fn := lookup(name)
	if fn == nil {
		return message{kind: kindUnknown, body: []byte(name)}
	}
	defer func() {
		if v := recover(); v != nil {
			reply = message{kind: kindPanic, body: fmt.Appendf(nil, "%v\n%s", v, debug.Stack())}
		}
	}()
	res, err := fn(arg)
	if bad, ok := err.(badArgument); ok {
		return message{kind: kindBadArg, body: []byte(bad.err.Error())}
	}
	if err != nil {
		return message{kind: kindFailed, body: []byte(err.Error())}
	}
	return message{kind: kindResult, body: res}
}

// serveOnce runs one function with stdin as its argument and prints the
// result: the shape of a classic "start a process, join it" program. An
// error exits with status 1; a panic is not recovered, so it exits with
// Go's status 2 and its trace on stderr, as any crashing program would.
func serveOnce() int {
	sayHello()
	name := os.Getenv(envFunc)
	fn := lookup(name)
	if fn == nil {
		fmt.Fprintf(os.Stderr, "%v: %q\n", ErrUnknownFunc, name)
		return 3
	}
	arg, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	res, err := fn(arg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if _, err := os.Stdout.Write(res); err != nil && !errors.Is(err, os.ErrClosed) {
		return 1
	}
	return 0
}

// sayHello tells Start's parent that this process is a worker: Join could
// not tell otherwise (hello_unix.go). The pipe is closed at once, so that
// processes the function starts do not inherit it.
func sayHello() {
	fd, err := strconv.Atoi(os.Getenv(envHello))
	os.Unsetenv(envHello)
	if err != nil {
		return // started by hand, not by Start
	}
	f := os.NewFile(uintptr(fd), "hello")
	_, _ = f.Write(helloFrame())
	f.Close()
}

// helloFrame is the frame a worker announces itself with.
func helloFrame() []byte {
	var b bytes.Buffer
	_ = WriteFrame(&b, message{kind: kindHello}.encode(), DefaultMaxFrame)
	return b.Bytes()
}
