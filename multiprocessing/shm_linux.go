//go:build linux

// Shared memory is the one IPC kind with no copying: two processes map the
// same page and see each other's stores. Here the page is an anonymous
// memory file (memfd), handed to a child as a descriptor and mapped by
// both. Plain loads and stores to it race exactly as threads do, so every
// access that another process may make at the same time is atomic.
//
//	go test -run 'SharedCounter|TestPeer' ./multiprocessing/
//
// You will see four processes add 1 each many times; the total is exact.

package multiprocessing

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// HasSharedMemory reports whether this system supports the shared-memory
// demonstrations (memfd and mmap).
const HasSharedMemory = true

// sharedPage is one page of memory mapped from a memfd.
type sharedPage struct {
	file *os.File
	mem  []byte
}

func newSharedPage(name string) (*sharedPage, error) {
	fd, err := unix.MemfdCreate(name, unix.MFD_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("memfd_create", err)
	}
	f := os.NewFile(uintptr(fd), name)
	size := os.Getpagesize()
	if err := f.Truncate(int64(size)); err != nil {
		f.Close()
		return nil, err
	}
	p, err := mapPage(f)
	if err != nil {
		f.Close()
	}
	return p, err
}

func mapPage(f *os.File) (*sharedPage, error) {
	mem, err := unix.Mmap(int(f.Fd()), 0, os.Getpagesize(), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil, os.NewSyscallError("mmap", err)
	}
	return &sharedPage{file: f, mem: mem}, nil
}

// word returns the 8-byte word at off (a multiple of 8) as an atomic. The
// mapping is page-aligned, so every such word is aligned too.
func (p *sharedPage) word(off int) *atomic.Uint64 {
	return (*atomic.Uint64)(unsafe.Pointer(&p.mem[off]))
}

func (p *sharedPage) close() error {
	err := unix.Munmap(p.mem)
	if cerr := p.file.Close(); err == nil {
		err = cerr
	}
	return err
}

// SharedCounter is a counter in memory shared between processes.
type SharedCounter struct{ page *sharedPage }

// NewSharedCounter maps a fresh zeroed counter.
func NewSharedCounter() (*SharedCounter, error) {
	p, err := newSharedPage("atlas-counter")
	if err != nil {
		return nil, err
	}
	return &SharedCounter{page: p}, nil
}

// Load reads the counter.
func (c *SharedCounter) Load() uint64 { return c.page.word(0).Load() }

// Close unmaps the counter.
func (c *SharedCounter) Close() error { return c.page.close() }

// AddFromProcesses starts procs child processes that each add 1 to the
// counter n times, with atomic adds on their own mapping of the page, and
// joins them all.
func (c *SharedCounter) AddFromProcesses(ctx context.Context, procs, n int) error {
	var started []*Process
	var firstErr error
	for range procs {
		p, err := Start(ctx, "atlas/shm-add", strconv.AppendInt(nil, int64(n), 10), c.page.file)
		if err != nil {
			firstErr = err
			break
		}
		started = append(started, p)
	}
	for _, p := range started {
		res, err := p.Join()
		if err == nil {
			err = exitError(res)
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

// Offsets in the ping-pong page. The parent's and the child's words sit on
// different cache lines, so each side's spinning does not slow the other's
// stores.
const (
	shmSeq   = 0   // parent: sequence number of the current request
	shmValue = 8   // parent: the request's value
	shmAck   = 128 // child: sequence number answered
	shmReply = 136 // child: the answer
	shmStop  = ^uint64(0)
)

func init() {
	pool.Register("atlas/shm-add", func(arg []byte) ([]byte, error) {
		n, err := strconv.Atoi(string(arg))
		if err != nil {
			return nil, err
		}
		p, err := mapPage(os.NewFile(3, "counter"))
		if err != nil {
			return nil, err
		}
		defer p.close()
		for range n {
			p.word(0).Add(1)
		}
		return nil, nil
	})
	pool.Register("atlas/shm-peer", func([]byte) ([]byte, error) {
		p, err := mapPage(os.NewFile(3, "page"))
		if err != nil {
			return nil, err
		}
		defer p.close()
		var last uint64
		for {
			seq := spinUntilChanged(p.word(shmSeq), last)
			if seq == shmStop {
				return nil, nil
			}
			p.word(shmReply).Store(p.word(shmValue).Load() + 1)
			p.word(shmAck).Store(seq)
			last = seq
		}
	})
}

// spinUntilChanged busy-waits for w to differ from old. Shared memory has
// no wake-up of its own (that would take a futex, a pipe or a signal), so
// both sides poll; Gosched lets other goroutines of this process run, but
// the OS thread stays busy: this is the price of the fastest round trip.
func spinUntilChanged(w *atomic.Uint64, old uint64) uint64 {
	for i := 0; ; i++ {
		if v := w.Load(); v != old {
			return v
		}
		if i%64 == 63 {
			runtime.Gosched()
		}
	}
}

type shmPeer struct {
	proc *Process
	page *sharedPage
	seq  uint64
}

// StartSharedMemoryPeer starts a child that answers through a shared page.
func StartSharedMemoryPeer(ctx context.Context) (Peer, error) {
	page, err := newSharedPage("atlas-pingpong")
	if err != nil {
		return nil, err
	}
	proc, err := Start(ctx, "atlas/shm-peer", nil, page.file)
	if err != nil {
		page.close()
		return nil, err
	}
	return &shmPeer{proc: proc, page: page}, nil
}

func (p *shmPeer) RoundTrip(v uint64) (uint64, error) {
	p.seq++
	p.page.word(shmValue).Store(v)
	p.page.word(shmSeq).Store(p.seq) // publishes the value: the child reads it after seeing seq
	spinUntilChanged(p.page.word(shmAck), p.seq-1)
	return p.page.word(shmReply).Load(), nil
}

func (p *shmPeer) Close() error {
	p.page.word(shmSeq).Store(shmStop)
	res, err := p.proc.Join()
	if err == nil {
		err = exitError(res)
	}
	if cerr := p.page.close(); err == nil {
		err = cerr
	}
	return err
}
