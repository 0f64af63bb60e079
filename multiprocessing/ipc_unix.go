//go:build unix

// A Unix domain socket pair is a pipe that goes both ways: one descriptor
// per side, each readable and writable.

package multiprocessing

import (
	"context"
	"os"
	"syscall"
)

// StartSocketPeer starts a child that answers over a Unix domain socket.
func StartSocketPeer(ctx context.Context) (Peer, error) {
	// Hold the fork lock so that no process forked meanwhile inherits the
	// new descriptors before they are marked close-on-exec.
	syscall.ForkLock.RLock()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err == nil {
		syscall.CloseOnExec(fds[0])
		syscall.CloseOnExec(fds[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, os.NewSyscallError("socketpair", err)
	}
	mine, theirs := os.NewFile(uintptr(fds[0]), "socket"), os.NewFile(uintptr(fds[1]), "socket")
	// The child reads and writes the same socket: it is fd 3 and fd 4.
	proc, err := Start(ctx, "atlas/stream-peer", nil, theirs, theirs)
	theirs.Close()
	if err != nil {
		mine.Close()
		return nil, err
	}
	// Closing our end is the child's end of stream.
	return &streamPeer{proc: proc, in: mine, out: mine}, nil
}
