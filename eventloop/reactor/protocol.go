// The protocol both servers speak: each line ("...\n") is sent back as it
// came. A line longer than the buffer is malformed and ends the connection.

package reactor

import "errors"

// DefaultBufSize bounds each connection's input and output buffers.
const DefaultBufSize = 4096

// ErrLineTooLong is why a connection with an overlong line was closed.
var ErrLineTooLong = errors.New("reactor: line longer than the connection buffer")

// Stats is a snapshot of a server's state, for tests to assert on.
type Stats struct {
	Open        int // connections open now
	Accepted    int // connections accepted in all
	Malformed   int // connections closed for an overlong line
	Paused      int // connections not being read because their output is full
	MaxBuffered int // most bytes ever held for one connection (in + out)
}
