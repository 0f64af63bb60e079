//go:build !linux

package bench

import (
	"context"
	"errors"

	"github.com/concurrency-atlas/atlas/multiprocessing"
)

// The like-for-like pipe ping-pong needs pipe2(2); elsewhere it skips.

func startPipeThread(context.Context) (multiprocessing.Peer, error) {
	return nil, errors.ErrUnsupported
}

func startPipeProcess(context.Context) (multiprocessing.Peer, error) {
	return nil, errors.ErrUnsupported
}
