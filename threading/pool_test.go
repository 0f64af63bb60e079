package threading_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/threading"
)

// newClient has a transport of its own, so closing its idle connections
// leaves nothing behind for goleak.
func newClient(t testing.TB) *http.Client {
	c := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func ExampleFetchAll() {
	srv := workload.NewServer(workload.ServerConfig{Latency: 10 * time.Millisecond})
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	urls := []string{srv.ItemURL(3), srv.ItemURL(1), srv.ItemURL(4), srv.ItemURL(1), srv.ItemURL(5)}
	bodies, err := threading.FetchAll(context.Background(), client, urls, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range bodies {
		fmt.Println(b)
	}
	// Output:
	// item 3
	// item 1
	// item 4
	// item 1
	// item 5
}

// groupBarrier lets handlers through in groups of size: each waits until
// size of them are inside together.
type groupBarrier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	size    int
	waiting int
	round   int
}

func newGroupBarrier(size int) *groupBarrier {
	b := &groupBarrier{size: size}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *groupBarrier) arrive() {
	b.mu.Lock()
	defer b.mu.Unlock()
	round := b.round
	if b.waiting++; b.waiting == b.size {
		b.waiting, b.round = 0, b.round+1
		b.cond.Broadcast()
		return
	}
	for round == b.round {
		b.cond.Wait()
	}
}

func TestFetchAllBoundsConcurrencyAndKeepsOrder(t *testing.T) {
	const limit, n = 3, 9
	// Handlers leave only in groups of limit, so the server sees limit
	// requests at once at least; the pool must never let in more.
	barrier := newGroupBarrier(limit)
	srv := workload.NewServer(workload.ServerConfig{Fail: func(int) bool {
		barrier.arrive()
		return false
	}})
	defer srv.Close()

	urls := make([]string, n)
	want := make([]string, n)
	for i := range urls {
		id := n - i // reversed, so input order is not id order
		urls[i], want[i] = srv.ItemURL(id), workload.ItemBody(id)
	}
	bodies, err := threading.FetchAll(context.Background(), newClient(t), urls, limit)
	require.NoError(t, err)
	t.Logf("%d requests, at most %d in flight", srv.Requests(), srv.PeakInFlight())
	assert.Equal(t, want, bodies)
	assert.Equal(t, n, srv.Requests())
	assert.Equal(t, limit, srv.PeakInFlight())
}

func TestFetchAllFirstErrorCancelsRequestsInFlight(t *testing.T) {
	slow := workload.NewServer(workload.ServerConfig{Latency: time.Hour})
	defer slow.Close() // waits for the slow handlers: they must have been cancelled
	// The failing request waits until both slow ones have arrived, so
	// there is something in flight to cancel.
	failing := workload.NewServer(workload.ServerConfig{Fail: func(int) bool {
		for slow.PeakInFlight() < 2 {
			time.Sleep(time.Millisecond)
		}
		return true
	}})
	defer failing.Close()

	urls := []string{slow.ItemURL(1), slow.ItemURL(2), failing.ItemURL(3)}
	bodies, err := threading.FetchAll(context.Background(), newClient(t), urls, 3)
	t.Logf("%v; %d slow requests cancelled", err, slow.Requests())
	assert.Nil(t, bodies)
	assert.EqualError(t, err, fmt.Sprintf("threading: GET %s: 500 Internal Server Error", failing.ItemURL(3)))
	assert.Equal(t, 2, slow.Requests())
}

func TestFetchAllStartsNothingAfterTheFirstError(t *testing.T) {
	srv := workload.NewServer(workload.ServerConfig{Fail: func(id int) bool { return id == 0 }})
	defer srv.Close()
	urls := []string{srv.ItemURL(0), srv.ItemURL(1), srv.ItemURL(2)}
	_, err := threading.FetchAll(context.Background(), newClient(t), urls, 1)
	assert.ErrorContains(t, err, "500 Internal Server Error")
	assert.Equal(t, 1, srv.Requests(), "with one worker, the failure stops the queue")
}

func TestFetchAllRejectsBadInput(t *testing.T) {
	_, err := threading.FetchAll(context.Background(), nil, []string{"http://127.0.0.1/"}, 0)
	assert.EqualError(t, err, "threading: FetchAll needs a limit of at least 1, got 0")

	_, err = threading.FetchAll(context.Background(), newClient(t), []string{"::not a url"}, 1)
	assert.ErrorContains(t, err, "missing protocol scheme")

	bodies, err := threading.FetchAll(context.Background(), nil, nil, 4)
	assert.NoError(t, err)
	assert.Empty(t, bodies)
}
