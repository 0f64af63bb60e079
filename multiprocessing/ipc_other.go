//go:build !unix

package multiprocessing

import (
	"context"
	"errors"
)

// StartSocketPeer needs Unix domain socket pairs.
func StartSocketPeer(context.Context) (Peer, error) {
	return nil, errors.ErrUnsupported
}
