//go:build unix

// Why the pipe peer's pipes are blocking. os.Pipe returns non-blocking
// pipes served by the netpoller: a read that finds the pipe empty fails
// with EAGAIN, parks the goroutine, and the reply has to come back through
// epoll_wait before the goroutine is scheduled again. A pipe in blocking
// mode lets the goroutine's own thread sleep in read(2), and the reply
// wakes exactly that thread: one read(2) per reply, as in a C program
// (strace -c: the EAGAIN reads and epoll_pwait calls disappear), and
// bench's BenchmarkRoundTrip/model=pipe comes down to model=pipeProcesses,
// the same blocking pipes driven with raw system calls on both sides: the
// floor.
//
// The pool does not use them, on purpose. A goroutine blocked in a system
// call keeps its P (the runtime's right to run Go code) out of the idle
// list, so the runtime's monitor thread (sysmon) keeps polling every 20µs
// to take the P back, for the whole length of a task. On a CPU-bound pool
// those wake-ups land on the CPUs the workers are using: when we tried
// blocking pipes in the pool, the CPU-bound pool benchmark got clearly
// slower, with many more context switches, and we went back. A goroutine
// parked in the netpoller leaves its P idle and sysmon asleep. So the
// trade-off is latency for a ping-pong against throughput for real work,
// and a pool is for real work. (Even an instant system call wakes a
// sleeping sysmon; quietpipe_linux.go is how the pool avoids that too.)

package multiprocessing

import (
	"os"
	"syscall"
)

// blockingPipe is os.Pipe with both ends in blocking mode. os.NewFile
// keeps a descriptor that is already blocking out of the netpoller.
func blockingPipe() (r, w *os.File, err error) {
	var fds [2]int
	// The fork lock keeps a process forked meanwhile from inheriting the
	// descriptors before they are marked close-on-exec.
	syscall.ForkLock.RLock()
	err = syscall.Pipe(fds[:])
	if err == nil {
		syscall.CloseOnExec(fds[0])
		syscall.CloseOnExec(fds[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, nil, os.NewSyscallError("pipe", err)
	}
	return os.NewFile(uintptr(fds[0]), "|0"), os.NewFile(uintptr(fds[1]), "|1"), nil
}
