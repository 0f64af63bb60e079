// The child's side of Start: the test binary or program started again as
// the child entry point "multiprocessing/once", which runs one registered
// function and exits.

package multiprocessing

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

const (
	entryOnce = "multiprocessing/once"
	envFunc   = "ATLAS_MP_FUNC"  // the function to run
	envHello  = "ATLAS_MP_HELLO" // the fd to say hello on

	// hello is what a served child writes first (hello_unix.go).
	hello = "atlas: served\n"
)

func init() { child.Register(entryOnce, serveOnce) }

// serveOnce runs one function with stdin as its argument and prints the
// result: the shape of a classic "start a process, join it" program. An
// error exits with status 1; a panic is not recovered, so it exits with
// Go's status 2 and its trace on stderr, as any crashing program would.
func serveOnce() int {
	sayHello()
	name := os.Getenv(envFunc)
	fn, ok := pool.Lookup(name)
	if !ok {
		fmt.Fprintf(os.Stderr, "%v: %q\n", pool.ErrUnknownFunc, name)
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
	_, _ = f.Write([]byte(hello))
	f.Close()
}
