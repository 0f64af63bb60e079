package schedtrace_test

import (
	"io"
	"net"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/schedtrace"
)

// Blocked keeps the trace's reason unless the stack shows a file read
// or write parked in the netpoller.
func TestBlockedNamesPipesFromTheStack(t *testing.T) {
	waiting := func(reason string, stack ...string) schedtrace.Span {
		return schedtrace.Span{State: schedtrace.Waiting, Reason: reason, Stack: stack}
	}
	tests := []struct {
		name string
		sp   schedtrace.Span
		want string
	}{
		{"a pipe read", waiting("network", "internal/poll.(*FD).Read", "os.(*File).Read", "main.reader"), schedtrace.PipeRead},
		{"a raw pipe read", waiting("network", "internal/poll.(*FD).RawRead", "os.(*rawConn).Read", "pool.(*quietPipe).Read"), schedtrace.PipeRead},
		{"a pipe write", waiting("network", "internal/poll.(*FD).Write", "os.(*File).Write", "main.writer"), schedtrace.PipeWrite},
		{"a socket read", waiting("network", "internal/poll.(*FD).Read", "net.(*netFD).Read", "net.(*conn).Read"), "network"},
		{"another use of a file in the poller", waiting("network", "internal/poll.(*FD).SetDeadline", "os.(*File).SetDeadline"), "network"},
		{"a sleep", waiting("sleep", "time.Sleep"), "sleep"},
		{"not waiting", schedtrace.Span{State: schedtrace.Running, Stack: []string{"os.(*File).Read"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.sp.Blocked())
			assert.Equal(t, tt.want == schedtrace.PipeRead || tt.want == schedtrace.PipeWrite, tt.sp.OnPipe())
		})
	}
}

// pipeAndSocket has one goroutine read a pipe and one read a loopback TCP
// connection, each until the other end writes. GOMAXPROCS=1 makes both
// waits certain, as in TaskLifecycle: a reader says it is ready and goes
// straight on to read without giving up the only P, so its writer cannot
// write before the reader is parked.
func pipeAndSocket(t *testing.T) schedtrace.Scenario {
	return schedtrace.Scenario{
		Name: "pipe-and-socket", Procs: 1,
		Run: func(stage *schedtrace.Stage) {
			r, w, err := os.Pipe()
			require.NoError(t, err)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			defer ln.Close()
			client, err := net.Dial("tcp", ln.Addr().String())
			require.NoError(t, err)
			server, err := ln.Accept()
			require.NoError(t, err)

			readUntilWritten := func(reader, writer string, in io.ReadCloser, out io.WriteCloser) {
				ready := make(chan struct{}, 1)
				stage.Go(reader, func() {
					defer in.Close()
					ready <- struct{}{}
					_, err := in.Read(make([]byte, 1))
					assert.NoError(t, err)
				})
				stage.Go(writer, func() {
					defer out.Close()
					<-ready
					_, err := out.Write([]byte{1})
					assert.NoError(t, err)
				})
			}
			readUntilWritten("pipe reader", "pipe writer", r, w)
			readUntilWritten("socket reader", "socket writer", server, client)
		},
	}
}

// In a real trace, the runtime gives the pipe read and the socket read
// the same reason, "network"; Blocked tells them apart, and the picture
// names the pipe wait in the reader's lane and in the legend.
func TestPipeWaitIsNamedFromARealTrace(t *testing.T) {
	sc := pipeAndSocket(t)
	tl, err := schedtrace.Record(sc)
	require.NoError(t, err)

	waits := func(label string) (reasons, blocked []string) {
		for _, sp := range tl.Lane(label) {
			if sp.State == schedtrace.Waiting {
				reasons, blocked = append(reasons, sp.Reason), append(blocked, sp.Blocked())
			}
		}
		return reasons, blocked
	}
	reasons, blocked := waits("pipe reader")
	assert.Contains(t, reasons, "network", "the trace's own reason for a pipe wait")
	assert.Contains(t, blocked, schedtrace.PipeRead)
	reasons, blocked = waits("socket reader")
	assert.Contains(t, reasons, "network")
	assert.NotContains(t, blocked, schedtrace.PipeRead, "a socket is not a pipe")

	p := picture(t, sc, tl)
	require.NoError(t, p.Check(schedtrace.MinSliceWidth))
	assert.Contains(t, p.Keys("goroutine"), schedtrace.KeyPipeWait)
	assert.Contains(t, p.Lane("goroutine", "pipe reader").Drawn(), schedtrace.KeyPipeWait)
	assert.NotContains(t, p.Lane("goroutine", "socket reader").Drawn(), schedtrace.KeyPipeWait)
}
