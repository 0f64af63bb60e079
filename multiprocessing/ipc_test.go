// Claim M3: processes communicate through pipes, sockets and shared
// memory. Every kind of peer must answer correctly, and four processes
// adding to one shared counter must reach the exact total.
//
//	go test -run 'TestPeer|SharedCounter' ./multiprocessing/

package multiprocessing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/multiprocessing"
)

// peerKinds are the IPC kinds that share the Peer contract.
var peerKinds = []struct {
	name  string
	start func(context.Context) (multiprocessing.Peer, error)
	skip  string // why this system cannot run it, if it cannot
}{
	{"pipe", multiprocessing.StartPipePeer, ""},
	{"unixSocket", multiprocessing.StartSocketPeer, skipUnless(socketsAvailable, "needs Unix domain socket pairs")},
	{"sharedMemory", multiprocessing.StartSharedMemoryPeer, skipUnless(multiprocessing.HasSharedMemory, "needs Linux memfd")},
}

func skipUnless(ok bool, why string) string {
	if ok {
		return ""
	}
	return why
}

func TestPeerAnswersEveryMessage(t *testing.T) {
	for _, kind := range peerKinds {
		t.Run(kind.name, func(t *testing.T) {
			if kind.skip != "" {
				t.Skip(kind.skip)
			}
			peer, err := kind.start(t.Context())
			require.NoError(t, err)
			for v := uint64(1); v <= 100; v++ {
				got, err := peer.RoundTrip(v * 1000)
				require.NoError(t, err)
				require.Equal(t, v*1000+1, got, "the child computed the answer")
			}
			require.NoError(t, peer.Close(), "the child exits cleanly when told to")
		})
	}
}

func TestSharedCounterIsExactAcrossProcesses(t *testing.T) {
	if !multiprocessing.HasSharedMemory {
		t.Skip("needs Linux memfd")
	}
	const procs, each = 4, 10_000
	c, err := multiprocessing.NewSharedCounter()
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.AddFromProcesses(t.Context(), procs, each))
	assert.Equal(t, uint64(procs*each), c.Load(), "every atomic add from every process landed")
}
