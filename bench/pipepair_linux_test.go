//go:build linux

// Claim F7, like for like: is a switch between processes dearer than one
// between threads? BenchmarkRoundTrip's other entries each use a different
// mechanism, so they cannot say. Here one ping-pong over two blocking
// pipes, with raw read(2) and write(2), runs twice: its partner is another
// OS thread of this process (pipeThreads) or a child process
// (pipeProcesses). Both partners run pipeEcho and the caller runs the same
// trip, each side locked to its thread; the only difference left is
// whether the kernel wakes a thread of this address space or another's.
//
//	go test -run '^$' -bench 'RoundTrip/model=pipe(Threads|Processes)$' -cpu 1,2 -count 6 ./bench/
//
// You will see ns/roundtrip for both; their ratio answers F7 with no
// difference of mechanism in it. -cpu sets GOMAXPROCS in this process only:
// the child's runtime takes its own from the machine. So compare them at
// -cpu 2: at GOMAXPROCS=1 the two threads of one process share one P and pay
// for handing it over at every trip, which a child with its own runtime does
// not.

package bench

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"golang.org/x/sys/unix"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// The child's partner: Start hands it the two pipe ends as fds 3 and 4.
const pipeEchoFunc = "bench.pipeEcho"

func init() {
	pool.Register(pipeEchoFunc, func([]byte) ([]byte, error) {
		return nil, pipeEcho(3, 4)
	})
}

// pipeEcho is the partner on both sides of the comparison: it answers each
// number read from in with that number plus one on out, until in ends.
func pipeEcho(in, out int) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var buf [8]byte
	for {
		err := readFull(in, buf[:])
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		binary.LittleEndian.PutUint64(buf[:], binary.LittleEndian.Uint64(buf[:])+1)
		if err := writeAll(out, buf[:]); err != nil {
			return err
		}
	}
}

// startPipeThread runs pipeEcho on a second locked thread of this process.
func startPipeThread(context.Context) (multiprocessing.Peer, error) {
	there, back, err := pipePair()
	if err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- pipeEcho(int(there[0].Fd()), int(back[1].Fd())) }()
	// The partner's ends are closed only once it has stopped using them.
	return newPipeCaller(there[1], back[0], func() error {
		return errors.Join(<-done, there[0].Close(), back[1].Close())
	}), nil
}

// startPipeProcess runs pipeEcho in a child process instead.
func startPipeProcess(ctx context.Context) (multiprocessing.Peer, error) {
	there, back, err := pipePair()
	if err != nil {
		return nil, err
	}
	proc, err := multiprocessing.Start(ctx, pipeEchoFunc, nil, there[0], back[1])
	// The child holds its own copies now. Dropping ours is what lets each
	// side see the end of the other's pipe when the other goes.
	there[0].Close()
	back[1].Close()
	if err != nil {
		there[1].Close()
		back[0].Close()
		return nil, err
	}
	return newPipeCaller(there[1], back[0], func() error {
		res, err := proc.Join()
		if err == nil && res.ExitCode != 0 {
			err = fmt.Errorf("pipe partner: %s: %s", res.Exit, res.Stderr)
		}
		return err
	}), nil
}

// pipePair makes the two pipes, one each way, in blocking mode: os.NewFile
// keeps a blocking descriptor out of the netpoller, so a read that finds
// the pipe empty puts its thread to sleep in the kernel and the answer
// wakes that very thread. O_CLOEXEC keeps them out of any other child.
func pipePair() (there, back [2]*os.File, err error) {
	var fds [4]int
	if err := unix.Pipe2(fds[0:2], unix.O_CLOEXEC); err != nil {
		return there, back, os.NewSyscallError("pipe2", err)
	}
	if err := unix.Pipe2(fds[2:4], unix.O_CLOEXEC); err != nil {
		unix.Close(fds[0])
		unix.Close(fds[1])
		return there, back, os.NewSyscallError("pipe2", err)
	}
	there = [2]*os.File{os.NewFile(uintptr(fds[0]), "there|r"), os.NewFile(uintptr(fds[1]), "there|w")}
	back = [2]*os.File{os.NewFile(uintptr(fds[2]), "back|r"), os.NewFile(uintptr(fds[3]), "back|w")}
	return there, back, nil
}

// pipeCaller is the caller's side, the same for both partners. It locks
// the calling goroutine to its thread from start to Close, as pipeEcho
// does, so both ends of the conversation keep one thread each.
type pipeCaller struct {
	to, from     *os.File
	toFd, fromFd int
	partnerDone  func() error
	buf          [8]byte
}

func newPipeCaller(to, from *os.File, partnerDone func() error) *pipeCaller {
	runtime.LockOSThread()
	return &pipeCaller{to: to, from: from, toFd: int(to.Fd()), fromFd: int(from.Fd()), partnerDone: partnerDone}
}

func (p *pipeCaller) RoundTrip(v uint64) (uint64, error) {
	binary.LittleEndian.PutUint64(p.buf[:], v)
	if err := writeAll(p.toFd, p.buf[:]); err != nil {
		return 0, err
	}
	if err := readFull(p.fromFd, p.buf[:]); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(p.buf[:]), nil
}

// Close ends the partner's input, which is its signal to return, and waits
// for it: a thread to finish, a process to exit and be joined.
func (p *pipeCaller) Close() error {
	defer runtime.UnlockOSThread()
	err := p.to.Close()
	err = errors.Join(err, p.partnerDone())
	return errors.Join(err, p.from.Close())
}

// readFull fills buf with blocking read(2) calls. io.EOF means the other
// end was closed before the first byte.
func readFull(fd int, buf []byte) error {
	for got := 0; got < len(buf); {
		n, err := unix.Read(fd, buf[got:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("read", err)
		}
		if n == 0 {
			if got == 0 {
				return io.EOF
			}
			return io.ErrUnexpectedEOF
		}
		got += n
	}
	return nil
}

// writeAll writes buf with blocking write(2) calls. A partner that has
// gone makes it fail with EPIPE: Go ignores SIGPIPE on descriptors other
// than stdout and stderr.
func writeAll(fd int, buf []byte) error {
	for len(buf) > 0 {
		n, err := unix.Write(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("write", err)
		}
		buf = buf[n:]
	}
	return nil
}
