// What a goroutine waited on. The trace gives a reason with each wait, in
// the runtime's words; for waits in the netpoller that word is "network",
// whether the descriptor is a socket or a pipe. The stack at the moment the
// goroutine blocked tells the two apart.

package schedtrace

import "strings"

// What Blocked calls a wait on a pipe.
const (
	PipeRead  = "pipe read"
	PipeWrite = "pipe write"
)

// Blocked says what a waiting span waited on: the trace's reason, made
// more precise where the span's stack allows. The runtime gives one reason,
// "network", for every wait in the netpoller, sockets and pipes alike. A
// wait inside a read or write method of *os.File, or of the RawConn it
// hands out, is on a descriptor opened as a file rather than a socket;
// regular files never wait in the netpoller, so it is a pipe (or a FIFO
// or a terminal, which these scenarios do not use), and Blocked returns
// PipeRead or PipeWrite. It returns "" for a span that is not Waiting.
func (sp Span) Blocked() string {
	if sp.State != Waiting {
		return ""
	}
	if sp.Reason != "network" {
		return sp.Reason
	}
	for _, f := range sp.Stack {
		method, ok := strings.CutPrefix(f, "os.(*File).")
		if !ok {
			method, ok = strings.CutPrefix(f, "os.(*rawConn).")
		}
		switch {
		case !ok:
		case method == "Read" || method == "ReadAt":
			return PipeRead
		case method == "Write" || method == "WriteAt" || method == "WriteString":
			return PipeWrite
		}
	}
	return sp.Reason
}

// OnPipe reports whether Blocked found the span waiting on a pipe.
func (sp Span) OnPipe() bool {
	w := sp.Blocked()
	return w == PipeRead || w == PipeWrite
}
