// The worker's side of a pool. Go cannot fork a running program (see
// internal/child), so a worker is this executable started again as the
// child entry point "multiprocessing/pool". It reads calls from fd 3 and
// writes replies to fd 4, leaving stdout and stderr to whatever its
// functions print.

package pool

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"

	"github.com/concurrency-atlas/atlas/internal/child"
)

const (
	entryPool   = "multiprocessing/pool" // serves a pool until its pipe closes
	envMaxFrame = "ATLAS_MP_MAXFRAME"    // the pool's frame limit

	fdCalls   = 3 // the worker reads calls here
	fdReplies = 4 // and writes replies here
)

func init() { child.Register(entryPool, servePool) }

// servePool answers calls until its input pipe closes. That end of stream
// is also how a worker outlives neither a Close nor a dead parent: when the
// parent goes, so does the last writer of the pipe.
func servePool() int {
	max, err := strconv.Atoi(os.Getenv(envMaxFrame))
	if err != nil || max <= 0 {
		max = DefaultMaxFrame
	}
	in := bufio.NewReader(newQuietPipe(pollableFile(fdCalls, "calls")))
	out := newQuietPipe(pollableFile(fdReplies, "replies"))
	if err := WriteFrame(out, message{kind: kindHello}.encode(), max); err != nil {
		return 1
	}
	for {
		body, err := ReadFrame(in, max)
		if err == io.EOF {
			return 0
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "pool worker:", err)
			return 1
		}
		call, err := decodeMessage(body)
		if err != nil || call.kind != kindCall {
			fmt.Fprintln(os.Stderr, "pool worker: expected a call:", err)
			return 1
		}
		reply := run(call.name, call.body)
		if len(reply.body)+1 > max {
			reply = message{kind: kindTooLarge, body: fmt.Appendf(nil, "result of %d bytes", len(reply.body))}
		}
		if err := WriteFrame(out, reply.encode(), max); err != nil {
			return 1 // the parent has gone
		}
	}
}

// run calls one function and turns every outcome into a reply. A panic is
// recovered here so that it costs one task, not the worker.
func run(name string, arg []byte) (reply message) {
	fn := lookup(name)
	if fn == nil {
		return message{kind: kindUnknown, body: []byte(name)}
	}
	defer func() {
		if v := recover(); v != nil {
			reply = message{kind: kindPanic, body: fmt.Appendf(nil, "%v\n%s", v, debug.Stack())}
		}
	}()
	res, err := fn(arg)
	if bad, ok := err.(badArgument); ok {
		return message{kind: kindBadArg, body: []byte(bad.err.Error())}
	}
	if err != nil {
		return message{kind: kindFailed, body: []byte(err.Error())}
	}
	return message{kind: kindResult, body: res}
}
