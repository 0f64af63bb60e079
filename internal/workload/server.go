package workload

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ServerConfig shapes the loopback server's behaviour.
type ServerConfig struct {
	// Latency is how long each response waits before it is written.
	Latency time.Duration
	// Fail, if set, decides per item id whether the request gets a 500.
	Fail func(id int) bool
	// Hold, if set, runs first for every item request and may block, for
	// example until the client gives up (r.Context() is done): tests use it
	// to keep requests in flight while something else happens.
	Hold func(r *http.Request, id int)
}

// Server is a loopback HTTP server standing in for a slow remote service.
// GET /item/{id} answers "item {id}" after the configured latency. It
// counts requests and remembers the most that were ever in flight at once,
// so tests can check that a client bounded its concurrency.
type Server struct {
	*httptest.Server
	cfg      ServerConfig
	requests atomic.Int64
	mu       sync.Mutex
	inFlight int
	peak     int
}

// NewServer starts a server on 127.0.0.1. Close it when done.
func NewServer(cfg ServerConfig) *Server {
	s := &Server{cfg: cfg}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// ItemURL is the address of item id.
func (s *Server) ItemURL(id int) string { return s.URL + "/item/" + strconv.Itoa(id) }

// Requests is how many requests arrived.
func (s *Server) Requests() int { return int(s.requests.Load()) }

// PeakInFlight is the largest number of requests handled at the same time.
func (s *Server) PeakInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

// ItemBody is what the server answers for item id, for checking results.
func ItemBody(id int) string { return fmt.Sprintf("item %d", id) }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	s.mu.Lock()
	s.inFlight++
	s.peak = max(s.peak, s.inFlight)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()

	idText, ok := strings.CutPrefix(r.URL.Path, "/item/")
	id, err := strconv.Atoi(idText)
	if !ok || err != nil {
		http.Error(w, "want /item/{id}", http.StatusNotFound)
		return
	}
	if s.cfg.Hold != nil {
		s.cfg.Hold(r, id)
	}
	if s.cfg.Latency > 0 {
		t := time.NewTimer(s.cfg.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	if s.cfg.Fail != nil && s.cfg.Fail(id) {
		http.Error(w, fmt.Sprintf("item %d: injected failure", id), http.StatusInternalServerError)
		return
	}
	fmt.Fprint(w, ItemBody(id))
}
