// Claim A11, on Linux, under test: hundreds of loopback connections on one
// reactor thread; a client that never reads is paused with full, bounded
// buffers while the others are served; a client with an endless line is
// cut off; shutdown closes everything. The assertions are on state, never
// on time.
//
//	go test -run TestReactor -v ./eventloop/reactor/
//
// You will see each test log the server's counts: connections accepted,
// paused, malformed and left open, and the most any one buffered.

package reactor

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testBuf = 256

func startReactor(t *testing.T) (*Server, chan error) {
	t.Helper()
	s, err := Listen("127.0.0.1:0", testBuf)
	require.NoError(t, err)
	served := make(chan error, 1)
	go func() { served <- s.Serve() }()
	return s, served
}

// eventually waits for a state; the deadline only bounds a failure.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	require.Eventually(t, cond, 20*time.Second, time.Millisecond, what)
}

// echoClients opens n connections and has each send lines and check the
// echoes, all at the same time.
func echoClients(t *testing.T, addr string, n, lines int) {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			c, err := net.Dial("tcp4", addr)
			if !assert.NoError(t, err) {
				return
			}
			defer c.Close()
			r := bufio.NewReader(c)
			for j := range lines {
				msg := fmt.Sprintf("conn %d line %d\n", i, j)
				_, err := io.WriteString(c, msg)
				assert.NoError(t, err)
				got, err := r.ReadString('\n')
				assert.NoError(t, err)
				assert.Equal(t, msg, got)
			}
		})
	}
	wg.Wait()
}

func TestReactorServesHundredsOfConnections(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 50
	}
	s, served := startReactor(t)
	echoClients(t, s.Addr(), n, 3)
	s.Shutdown()
	require.NoError(t, <-served)
	st := s.Stats()
	t.Logf("server counts: %+v", st)
	assert.Equal(t, n, st.Accepted)
	assert.Zero(t, st.Open, "shutdown closed every connection")
	assert.LessOrEqual(t, st.MaxBuffered, 2*testBuf)
}

func TestReactorSlowClientIsPausedNotBuffered(t *testing.T) {
	s, served := startReactor(t)
	// A small receive window makes the client's side fill up soon.
	d := net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		return rc.Control(func(fd uintptr) {
			_ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
	}}
	slow, err := d.Dial("tcp4", s.Addr())
	require.NoError(t, err)
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		// Send lines forever and read nothing: the write blocks once every
		// buffer on the way is full, and fails when the test closes it.
		chunk := bytes.Repeat([]byte("0123456789abcde\n"), 4096)
		for {
			if _, err := slow.Write(chunk); err != nil {
				return
			}
		}
	}()
	eventually(t, "the slow client is paused", func() bool { return s.Stats().Paused == 1 })

	// The others are served while it is paused.
	echoClients(t, s.Addr(), 50, 3)
	st := s.Stats()
	t.Logf("server counts: %+v", st)
	assert.Equal(t, 1, st.Paused)
	assert.LessOrEqual(t, st.MaxBuffered, 2*testBuf, "memory per connection stays bounded")

	slow.Close()
	<-writerDone
	s.Shutdown()
	require.NoError(t, <-served)
	assert.Zero(t, s.Stats().Open)
	assert.Zero(t, s.Stats().Paused)
}

func TestReactorOverlongLineIsCutOff(t *testing.T) {
	s, served := startReactor(t)
	bad, err := net.Dial("tcp4", s.Addr())
	require.NoError(t, err)
	defer bad.Close()
	_, err = bad.Write(bytes.Repeat([]byte("x"), testBuf+1)) // no line end
	require.NoError(t, err)
	_, err = io.ReadAll(bad) // the server closes: EOF (or reset)
	_ = err
	eventually(t, "the connection was dropped", func() bool { return s.Stats().Malformed == 1 })

	echoClients(t, s.Addr(), 10, 2) // and everyone else carries on
	s.Shutdown()
	require.NoError(t, <-served)
	st := s.Stats()
	t.Logf("server counts: %+v", st)
	assert.Equal(t, 1, st.Malformed)
	assert.Equal(t, 11, st.Accepted)
	assert.Zero(t, st.Open)
}

func TestReactorShutdownClosesOpenConnections(t *testing.T) {
	s, served := startReactor(t)
	c, err := net.Dial("tcp4", s.Addr())
	require.NoError(t, err)
	defer c.Close()
	eventually(t, "accepted", func() bool { return s.Stats().Open == 1 })
	s.Shutdown()
	s.Shutdown() // twice is fine
	require.NoError(t, <-served)
	_, err = io.ReadAll(c)
	assert.NoError(t, err, "the client sees a clean end of stream")
	assert.Zero(t, s.Stats().Open)
	t.Logf("after shutdown: %+v", s.Stats())
	_, err = net.Dial("tcp4", s.Addr())
	assert.Error(t, err, "the listener is closed")
}

func TestListenRejectsABadAddress(t *testing.T) {
	_, err := Listen("not an address", 0)
	assert.Error(t, err)
}
