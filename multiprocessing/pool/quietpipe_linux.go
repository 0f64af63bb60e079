// Why the pool reads and writes its pipes with raw system calls on Linux.
// Every ordinary system call tells the Go scheduler it is entering the
// kernel, and if the runtime's monitor thread (sysmon) is asleep because
// the whole parent was idle, that wakes it; it then polls every 20µs until
// the parent is idle again. A pool parent is idle while its workers
// compute and busy for a moment per reply, so each reply woke sysmon and a
// few of its ticks, all on the CPUs the workers compute on (perf counted
// them; BenchmarkCPUBound's parent-cpu-ns/op shows the cost). The pipes are
// non-blocking and served by the netpoller, so a raw read or write never
// blocks: it either moves bytes or says EAGAIN, and the netpoller does the
// waiting as before. Only the scheduler is not told about an instant call.

package pool

import (
	"io"
	"os"
	"syscall"
	"unsafe"
)

// quietPipe reads or writes one end of a pipe made by os.Pipe, from one
// goroutine at a time. The callbacks given to the RawConn are bound once,
// in newQuietPipe: a fresh closure per call would cost an allocation.
type quietPipe struct {
	rc              syscall.RawConn
	buf             []byte
	done            int
	errno           syscall.Errno
	readFn, writeFn func(fd uintptr) bool
}

// newQuietPipe wraps f, which must be non-blocking (os.Pipe's ends are):
// a raw call on a blocking descriptor would hold its thread and P.
func newQuietPipe(f *os.File) io.ReadWriter {
	rc, err := f.SyscallConn()
	if err != nil {
		return f
	}
	q := &quietPipe{rc: rc}
	q.readFn, q.writeFn = q.read, q.write
	return q
}

func (q *quietPipe) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	q.buf, q.done, q.errno = p, 0, 0
	err := q.rc.Read(q.readFn)
	n, errno := q.done, q.errno
	q.buf = nil
	switch {
	case err != nil:
		return 0, err
	case errno != 0:
		return 0, os.NewSyscallError("read", errno)
	case n == 0:
		return 0, io.EOF
	}
	return n, nil
}

// read makes one read; false means EAGAIN: wait in the netpoller.
func (q *quietPipe) read(fd uintptr) bool {
	for {
		n, _, e := syscall.RawSyscall(syscall.SYS_READ, fd, uintptr(unsafe.Pointer(&q.buf[0])), uintptr(len(q.buf)))
		switch e {
		case 0:
			q.done = int(n)
			return true
		case syscall.EINTR:
		case syscall.EAGAIN:
			return false
		default:
			q.errno = e
			return true
		}
	}
}

func (q *quietPipe) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	q.buf, q.done, q.errno = p, 0, 0
	err := q.rc.Write(q.writeFn)
	n, errno := q.done, q.errno
	q.buf = nil
	if err == nil && errno != 0 {
		err = os.NewSyscallError("write", errno)
	}
	return n, err
}

// write writes until done; false means the pipe is full: wait in the
// netpoller.
func (q *quietPipe) write(fd uintptr) bool {
	for q.done < len(q.buf) {
		rest := q.buf[q.done:]
		n, _, e := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&rest[0])), uintptr(len(rest)))
		switch e {
		case 0:
			q.done += int(n)
		case syscall.EINTR:
		case syscall.EAGAIN:
			return false
		default:
			q.errno = e
			return true
		}
	}
	return true
}

// pollableFile opens an inherited pipe end for the netpoller. A worker
// that waited for calls in a blocking read(2) kept its P in a system call
// with the same time slice for as long as the pool was busy, and after
// 10ms sysmon took the P away and polled every 20µs for a while. Parked in
// the netpoller instead, an idle worker leaves its runtime asleep.
func pollableFile(fd int, name string) *os.File {
	_ = syscall.SetNonblock(fd, true) // on failure the file simply blocks
	return os.NewFile(uintptr(fd), name)
}
