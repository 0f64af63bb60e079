//go:build !linux

package multiprocessing

import (
	"context"
	"errors"
)

// HasSharedMemory reports whether this system supports the shared-memory
// demonstrations. They use Linux's memfd.
const HasSharedMemory = false

// SharedCounter is a counter in memory shared between processes (Linux).
type SharedCounter struct{}

// NewSharedCounter needs Linux's memfd.
func NewSharedCounter() (*SharedCounter, error) { return nil, errors.ErrUnsupported }

// Load reads the counter.
func (c *SharedCounter) Load() uint64 { return 0 }

// Close unmaps the counter.
func (c *SharedCounter) Close() error { return nil }

// AddFromProcesses needs Linux's memfd.
func (c *SharedCounter) AddFromProcesses(context.Context, int, int) error {
	return errors.ErrUnsupported
}

// StartSharedMemoryPeer needs Linux's memfd.
func StartSharedMemoryPeer(context.Context) (Peer, error) { return nil, errors.ErrUnsupported }
