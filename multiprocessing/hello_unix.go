//go:build unix

// How Join tells a worker from a program that never called ServeIfWorker.
// Start gives the child one more pipe, and a worker's first act is to
// write hello into it.
// Join looks for it only after the child has exited, and without
// waiting: whatever the child wrote is in the pipe by then, and a read
// that waited for more could wait for ever, because the pipe's write end
// is also held by any process that a forgetful program started in turn.

package multiprocessing

import (
	"bytes"
	"os"
	"syscall"
)

// newHelloPipe makes the pipe a once worker says hello on.
func newHelloPipe() (r, w *os.File, err error) { return os.Pipe() }

// helloSent reports whether r, the read end of a hello pipe whose writer
// has exited, holds hello.
func helloSent(r *os.File) bool {
	rc, err := r.SyscallConn()
	if err != nil {
		return false
	}
	want := []byte(hello)
	buf := make([]byte, len(want)+1)
	var n int
	var rerr error
	err = rc.Read(func(fd uintptr) bool {
		if rerr = syscall.SetNonblock(int(fd), true); rerr != nil {
			return true
		}
		for {
			n, rerr = syscall.Read(int(fd), buf)
			if rerr != syscall.EINTR {
				return true // done, even on EAGAIN: the pipe is empty
			}
		}
	})
	return err == nil && rerr == nil && bytes.Equal(buf[:n], want)
}
