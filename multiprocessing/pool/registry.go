// Functions are known by name. A worker is a fresh start of the same
// executable, so it knows only the functions the binary registers before
// main runs (in init functions or package-level variables), and it shares
// no memory with its parent: every argument and result crosses a pipe as
// bytes.

package pool

import (
	"fmt"
	"sync"

	"github.com/concurrency-atlas/atlas/internal/child"
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
// line to fix, as flag does for a flag defined twice. Recorded for New
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

// Lookup returns the function registered under name in this process, for
// a program that runs registered functions in processes of its own (the
// multiprocessing chapter's Start does).
func Lookup(name string) (fn func(arg []byte) ([]byte, error), ok bool) {
	fn = lookup(name)
	return fn, fn != nil
}

// ServeIfWorker returns at once in an ordinary process. In a process that
// a Pool (or any other user of internal/child, such as the
// multiprocessing chapter's Start) launched, it serves the parent and
// exits, never returning. Call it first in main, and first in TestMain (before m.Run or
// goleak.VerifyTestMain), of every program that starts workers.
//
// A program that forgets it runs its own code twice: a worker is the same
// executable started again, so it runs main (a test binary, its whole
// suite) instead of the function. The parent hears of it only when the
// worker has given up or exited: New and Join then return
// ErrNotWorker.
func ServeIfWorker() { child.Serve() }
