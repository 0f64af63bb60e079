//go:build !linux

package reactor

import "errors"

// Server is the epoll reactor, which exists only on Linux.
type Server struct{}

// Listen fails: the reactor is built on epoll, which is Linux's.
func Listen(addr string, bufSize int) (*Server, error) {
	return nil, errors.ErrUnsupported
}

func (s *Server) Addr() string { return "" }
func (s *Server) Stats() Stats { return Stats{} }
func (s *Server) Serve() error { return errors.ErrUnsupported }
func (s *Server) Shutdown()    {}
