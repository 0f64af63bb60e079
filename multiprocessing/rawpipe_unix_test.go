//go:build unix

// The machine's own floor for a pipe round trip, measured by
// BenchmarkRoundTrip/rawPipe: no framing, no pool, no netpoller, only
// read(2) and write(2) on blocking pipes by two threads, each locked so
// that the Go scheduler never moves the conversation to another thread.
// What is left is the kernel's wake-up of a sleeping thread, twice per
// round trip, and on a virtual machine the hypervisor's wake-up of an idle
// virtual CPU. Every other pipe figure is this plus what Go adds.

package multiprocessing_test

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"runtime"
	"syscall"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

const rawPipePeer = "test/raw-pipe-peer"

func init() {
	pool.Register(rawPipePeer, func([]byte) ([]byte, error) {
		runtime.LockOSThread()
		var buf [8]byte
		for {
			if err := readRaw(3, buf[:]); err != nil {
				if err == io.EOF {
					return nil, nil
				}
				return nil, err
			}
			binary.LittleEndian.PutUint64(buf[:], binary.LittleEndian.Uint64(buf[:])+1)
			if err := writeRaw(4, buf[:]); err != nil {
				return nil, err
			}
		}
	})
}

// readRaw fills buf from fd with blocking read(2) calls.
func readRaw(fd int, buf []byte) error {
	for len(buf) > 0 {
		n, err := syscall.Read(fd, buf)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return err
		case n == 0:
			return io.EOF
		}
		buf = buf[n:]
	}
	return nil
}

func writeRaw(fd int, buf []byte) error {
	for len(buf) > 0 {
		n, err := syscall.Write(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		buf = buf[n:]
	}
	return nil
}

// rawPipe is the parent's side: two blocking pipes, used from the calling
// goroutine, which must stay locked to its thread while it uses them.
type rawPipe struct {
	proc    *multiprocessing.Process
	to      *os.File
	from    *os.File
	toFd    int
	fromFd  int
	scratch [8]byte
}

// startRawPipePeer starts the child, with pipes in blocking mode on both
// sides (pipe_unix.go).
func startRawPipePeer(ctx context.Context) (*rawPipe, error) {
	to, err := blockingPipe()
	if err != nil {
		return nil, err
	}
	from, err := blockingPipe()
	if err != nil {
		to[0].Close()
		to[1].Close()
		return nil, err
	}
	proc, err := multiprocessing.Start(ctx, rawPipePeer, nil, to[0], from[1])
	to[0].Close()
	from[1].Close()
	if err != nil {
		to[1].Close()
		from[0].Close()
		return nil, err
	}
	return &rawPipe{proc: proc, to: to[1], from: from[0],
		toFd: int(to[1].Fd()), fromFd: int(from[0].Fd())}, nil
}

func blockingPipe() ([2]*os.File, error) {
	r, w, err := multiprocessing.BlockingPipe()
	return [2]*os.File{r, w}, err
}

func (p *rawPipe) RoundTrip(v uint64) (uint64, error) {
	binary.LittleEndian.PutUint64(p.scratch[:], v)
	if err := writeRaw(p.toFd, p.scratch[:]); err != nil {
		return 0, err
	}
	if err := readRaw(p.fromFd, p.scratch[:]); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(p.scratch[:]), nil
}

func (p *rawPipe) Close() error {
	err := p.to.Close()
	res, jerr := p.proc.Join()
	p.from.Close()
	if res.ExitCode != 0 {
		jerr = errors.Join(jerr, errors.New(res.Exit+": "+res.Stderr))
	}
	return errors.Join(err, jerr)
}
