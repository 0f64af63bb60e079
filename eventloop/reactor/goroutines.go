// Claim A11, the Go way: Go's net package already runs an epoll loop, the
// netpoller, and hides it behind one goroutine per connection, each
// blocking in Read. This server speaks the same echo protocol that way;
// BenchmarkEcho/goroutinePerConn measures it against the reactor.
//
//	go test -short -run '^$' -bench Echo -benchtime 1x ./eventloop/reactor/
//
// You will see roundtrips/s and bytes/conn for goroutinePerConn beside
// the reactor's, on 200 connections with -short.

package reactor

import (
	"bufio"
	"errors"
	"net"
	"sync"
)

// GoroutineEchoServer serves the echo protocol with a goroutine per
// connection and a bounded bufio.Reader per connection.
type GoroutineEchoServer struct {
	ln    net.Listener
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]struct{}
	done  bool
}

// ListenGoroutines starts serving on addr (e.g. 127.0.0.1:0).
func ListenGoroutines(addr string, bufSize int) (*GoroutineEchoServer, error) {
	if bufSize <= 0 {
		bufSize = DefaultBufSize
	}
	ln, err := net.Listen("tcp4", addr)
	if err != nil {
		return nil, err
	}
	s := &GoroutineEchoServer{ln: ln, conns: map[net.Conn]struct{}{}}
	s.wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if !s.track(c) {
				c.Close()
				return
			}
			s.wg.Go(func() { s.echo(c, bufSize) })
		}
	})
	return s, nil
}

func (s *GoroutineEchoServer) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return false
	}
	s.conns[c] = struct{}{}
	return true
}

func (s *GoroutineEchoServer) echo(c net.Conn, bufSize int) {
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	r := bufio.NewReaderSize(c, bufSize)
	for {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) || err != nil {
			return // ErrLineTooLong, or the client went away
		}
		if _, err := c.Write(line); err != nil {
			return
		}
	}
}

// Addr is the listening address.
func (s *GoroutineEchoServer) Addr() string { return s.ln.Addr().String() }

// Shutdown closes the listener and every connection and waits for all
// goroutines to end.
func (s *GoroutineEchoServer) Shutdown() {
	s.mu.Lock()
	s.done = true
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.ln.Close()
	s.wg.Wait()
}
