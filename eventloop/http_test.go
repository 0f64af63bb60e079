// Claim A11, the client side: one loop keeps many HTTP requests in flight
// at once. The server holds every request until all of them have arrived,
// so the test passes only if the loop really had them all open together.
//
//	go test -run TestManyHTTPRequestsFromOneLoop -v ./eventloop/
//
// You will see the server's peak of requests in flight at once: all 20.

package eventloop

import (
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

func TestManyHTTPRequestsFromOneLoop(t *testing.T) {
	const n = 20
	var arrived sync.WaitGroup
	arrived.Add(n)
	allIn := make(chan struct{})
	go func() { arrived.Wait(); close(allIn) }()
	srv := workload.NewServer(workload.ServerConfig{Fail: func(int) bool {
		arrived.Done()
		// A sequential client would never fill the barrier; the timeout
		// only turns that hang into a failed PeakInFlight assertion.
		select {
		case <-allIn:
		case <-time.After(10 * time.Second):
		}
		return false
	}})
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: n}}
	defer client.CloseIdleConnections()

	bodies, err := runQuiet(t, func(co *Coro) ([]string, error) {
		var reqs []Awaitable[string]
		for id := range n {
			reqs = append(reqs, CreateTask(co, "get", func(co *Coro) (string, error) {
				return ToThread(co, func() (string, error) {
					resp, err := client.Get(srv.ItemURL(id))
					if err != nil {
						return "", err
					}
					defer resp.Body.Close()
					b, err := io.ReadAll(resp.Body)
					return string(b), err
				})
			}))
		}
		return Gather(co, reqs...)
	})
	require.NoError(t, err)
	for id, b := range bodies {
		assert.Equal(t, workload.ItemBody(id), b)
	}
	assert.Equal(t, n, srv.PeakInFlight())
	t.Logf("requests in flight at once, at the peak: %d of %d", srv.PeakInFlight(), n)
}
