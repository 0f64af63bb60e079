//go:build !unix

package multiprocessing_test

import (
	"context"
	"errors"
)

type rawPipe struct{}

func startRawPipePeer(context.Context) (*rawPipe, error) { return nil, errors.ErrUnsupported }

func (*rawPipe) RoundTrip(uint64) (uint64, error) { return 0, errors.ErrUnsupported }
func (*rawPipe) Close() error                     { return nil }
