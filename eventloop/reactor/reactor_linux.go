// Claim A11: one loop can serve many connections at once. A
// readiness-based echo server on epoll: one goroutine locked to one OS
// thread owns every socket, and nothing blocks but epoll_wait.
//
//	go test -run TestReactor -v ./eventloop/reactor/
//
// You will see the server's own counts: 300 connections accepted and
// served, a client that does not read paused with at most 512 bytes held
// while 50 others are served, an overlong line counted as malformed, and
// nothing left open after shutdown.

package reactor

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// Server is the reactor. Make it with Listen, run it with Serve, stop it
// with Shutdown.
type Server struct {
	bufSize int
	epfd    int
	lfd     int // listening socket
	wakefd  int // eventfd: Shutdown's knock on the loop's door
	addr    string
	conns   map[int]*conn
	free    [][]byte // spare buffers: an idle connection holds none

	open, accepted, malformed, paused, maxBuf atomic.Int64
	mu                                        sync.Mutex // orders Shutdown's knock before wakefd is closed
	closed                                    bool
	done                                      chan struct{}
}

type conn struct {
	fd      int
	in, out []byte // both bounded by bufSize
	events  uint32 // the interest currently registered
}

// Listen opens a non-blocking listening socket on addr (IPv4 "host:port";
// the tests use 127.0.0.1:0). bufSize <= 0 means DefaultBufSize.
func Listen(addr string, bufSize int) (*Server, error) {
	ta, err := net.ResolveTCPAddr("tcp4", addr)
	if err != nil {
		return nil, err
	}
	if bufSize <= 0 {
		bufSize = DefaultBufSize
	}
	s := &Server{bufSize: bufSize, conns: map[int]*conn{}, done: make(chan struct{}), lfd: -1, epfd: -1, wakefd: -1}
	fail := func(err error) (*Server, error) {
		s.closeAll()
		return nil, err
	}
	if s.lfd, err = unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0); err != nil {
		return fail(err)
	}
	_ = unix.SetsockoptInt(s.lfd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1)
	sa := &unix.SockaddrInet4{Port: ta.Port}
	copy(sa.Addr[:], ta.IP.To4())
	if err = unix.Bind(s.lfd, sa); err != nil {
		return fail(err)
	}
	if err = unix.Listen(s.lfd, 4096); err != nil {
		return fail(err)
	}
	bound, err := unix.Getsockname(s.lfd)
	if err != nil {
		return fail(err)
	}
	b := bound.(*unix.SockaddrInet4)
	s.addr = fmt.Sprintf("%s:%d", net.IP(b.Addr[:]), b.Port)
	if s.epfd, err = unix.EpollCreate1(unix.EPOLL_CLOEXEC); err != nil {
		return fail(err)
	}
	if s.wakefd, err = unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC); err != nil {
		return fail(err)
	}
	for _, fd := range []int{s.lfd, s.wakefd} {
		if err = unix.EpollCtl(s.epfd, unix.EPOLL_CTL_ADD, fd, &unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(fd)}); err != nil {
			return fail(err)
		}
	}
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.addr }

// Stats reads the server's counters; safe from any goroutine.
func (s *Server) Stats() Stats {
	return Stats{
		Open: int(s.open.Load()), Accepted: int(s.accepted.Load()), Malformed: int(s.malformed.Load()),
		Paused: int(s.paused.Load()), MaxBuffered: int(s.maxBuf.Load()),
	}
}

// Serve runs the loop on the calling goroutine, locked to its thread, until
// Shutdown; then it closes every socket it owns and returns.
func (s *Server) Serve() error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer close(s.done)
	defer s.closeAll()
	events := make([]unix.EpollEvent, 256)
	for {
		n, err := unix.EpollWait(s.epfd, events, -1)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return err
		}
		for _, ev := range events[:n] {
			switch fd := int(ev.Fd); fd {
			case s.wakefd:
				return nil
			case s.lfd:
				s.accept()
			default:
				if c := s.conns[fd]; c != nil {
					s.serve(c, ev.Events)
				}
			}
		}
	}
}

// Shutdown stops Serve and waits until every socket is closed. Call it,
// from any goroutine and as often as you like, once Serve has been started.
func (s *Server) Shutdown() {
	s.mu.Lock()
	if !s.closed {
		var one [8]byte
		binary.NativeEndian.PutUint64(one[:], 1) // an eventfd counts in host order
		_, _ = unix.Write(s.wakefd, one[:])
	}
	s.mu.Unlock()
	<-s.done
}

func (s *Server) accept() {
	for {
		fd, _, err := unix.Accept4(s.lfd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
		if err != nil {
			return // EAGAIN: no more waiting; other errors: try next time
		}
		c := &conn{fd: fd}
		if err := unix.EpollCtl(s.epfd, unix.EPOLL_CTL_ADD, fd, &unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLRDHUP, Fd: int32(fd)}); err != nil {
			unix.Close(fd)
			continue
		}
		c.events = unix.EPOLLIN | unix.EPOLLRDHUP
		s.conns[fd] = c
		s.open.Add(1)
		s.accepted.Add(1)
	}
}

// serve does what a ready socket allows, without ever waiting: read what
// fits, echo the complete lines that fit, write what the socket takes.
func (s *Server) serve(c *conn, ev uint32) {
	if ev&(unix.EPOLLERR|unix.EPOLLHUP) != 0 {
		s.drop(c)
		return
	}
	if ev&unix.EPOLLIN != 0 && len(c.in) < s.bufSize {
		if c.in == nil {
			c.in = s.getBuf()
		}
		n, err := unix.Read(c.fd, c.in[len(c.in):s.bufSize])
		switch {
		case n > 0:
			c.in = c.in[:len(c.in)+n]
		case err == nil || !errors.Is(err, unix.EAGAIN):
			s.drop(c) // end of stream or a real error
			return
		}
	}
	s.moveLines(c)
	if len(c.in) == s.bufSize && bytes.IndexByte(c.in, '\n') < 0 {
		s.malformed.Add(1)
		s.drop(c) // ErrLineTooLong: no line end within the buffer
		return
	}
	if len(c.out) > 0 {
		n, err := unix.Write(c.fd, c.out)
		if n > 0 {
			c.out = c.out[:copy(c.out, c.out[n:])]
		} else if err != nil && !errors.Is(err, unix.EAGAIN) {
			s.drop(c)
			return
		}
		s.moveLines(c)
	}
	if m := int64(len(c.in) + len(c.out)); m > s.maxBuf.Load() {
		s.maxBuf.Store(m)
	}
	c.in, c.out = s.putBuf(c.in), s.putBuf(c.out)
	s.setInterest(c)
}

// getBuf lends a connection an empty buffer of bufSize bytes.
func (s *Server) getBuf() []byte {
	if n := len(s.free); n > 0 {
		b := s.free[n-1]
		s.free = s.free[:n-1]
		return b
	}
	return make([]byte, 0, s.bufSize)
}

// putBuf takes back a buffer that is empty and returns what the connection
// keeps: nil then, or the buffer itself while it holds data.
func (s *Server) putBuf(b []byte) []byte {
	if b == nil || len(b) > 0 {
		return b
	}
	if len(s.free) < 1024 {
		s.free = append(s.free, b)
	}
	return nil
}

// moveLines copies complete lines from in to out while out has room.
func (s *Server) moveLines(c *conn) {
	for {
		i := bytes.IndexByte(c.in, '\n')
		if i < 0 || len(c.out)+i+1 > s.bufSize {
			return
		}
		if c.out == nil {
			c.out = s.getBuf()
		}
		c.out = append(c.out, c.in[:i+1]...)
		c.in = c.in[:copy(c.in, c.in[i+1:])]
	}
}

// setInterest asks epoll for readability only while the input buffer has
// room: a client that sends but never reads fills its output, then its
// input, and is then simply not read, which is the backpressure.
func (s *Server) setInterest(c *conn) {
	want := uint32(unix.EPOLLRDHUP)
	if len(c.in) < s.bufSize {
		want |= unix.EPOLLIN
	}
	if len(c.out) > 0 {
		want |= unix.EPOLLOUT
	}
	if want == c.events {
		return
	}
	wasPaused := c.events&unix.EPOLLIN == 0
	c.events = want
	_ = unix.EpollCtl(s.epfd, unix.EPOLL_CTL_MOD, c.fd, &unix.EpollEvent{Events: want, Fd: int32(c.fd)})
	switch isPaused := want&unix.EPOLLIN == 0; {
	case isPaused && !wasPaused:
		s.paused.Add(1)
	case !isPaused && wasPaused:
		s.paused.Add(-1)
	}
}

func (s *Server) drop(c *conn) {
	if c.events&unix.EPOLLIN == 0 {
		s.paused.Add(-1)
	}
	delete(s.conns, c.fd)
	unix.Close(c.fd) // closing also removes it from the epoll set
	s.open.Add(-1)
}

func (s *Server) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, c := range s.conns {
		s.drop(c)
	}
	for _, fd := range []*int{&s.lfd, &s.wakefd, &s.epfd} {
		if *fd >= 0 {
			unix.Close(*fd)
			*fd = -1
		}
	}
}
