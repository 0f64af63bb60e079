package workload

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Mix is the mixed job that the hybrid chapter and the cross-model
// benchmarks run under every architecture: fetch Items items from the
// loopback server (each waits Latency), compute Fib of a size taken from
// the item, and add the results up. The answer does not depend on the
// order or the architecture, so each can be checked against Serial.
type Mix struct {
	Name    string
	Items   int
	Latency time.Duration // server latency per fetch
	FibBase int           // item id's Fib size is FibBase + id%3
}

// Mixes are the three shapes the comparison varies: where the time goes
// decides which architecture wins.
var Mixes = []Mix{
	// 32 waits of 10 ms, and next to no computing.
	{Name: "mostlyIO", Items: 32, Latency: 10 * time.Millisecond, FibBase: 18},
	// Waiting and computing take about as long (BenchmarkFib sizes them).
	{Name: "balanced", Items: 32, Latency: time.Millisecond, FibBase: 25},
	// Computing far outweighs 32 waits of 200 µs.
	{Name: "mostlyCPU", Items: 32, Latency: 200 * time.Microsecond, FibBase: 28},
}

// FibSize is the CPU cost of item id.
func (m Mix) FibSize(id int) int { return m.FibBase + id%3 }

// Total is the mixed job's answer: items done and the sum of their values.
type Total struct {
	Items int
	Sum   int
}

// Add counts one item's value.
func (t *Total) Add(v int) { t.Items++; t.Sum += v }

// Compute is the CPU half of one item: it checks that the fetched body is
// item id's and returns Fib of the item's size.
func (m Mix) Compute(id int, body string) (int, error) {
	got, ok := strings.CutPrefix(body, "item ")
	n, err := strconv.Atoi(got)
	if !ok || err != nil || n != id {
		return 0, fmt.Errorf("item %d: unexpected body %q", id, body)
	}
	return Fib(m.FibSize(id)), nil
}

// Fetch is the I/O half: GET url with ctx, failing on any status but 200.
func Fetch(ctx context.Context, client *http.Client, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s: %s", url, resp.Status, strings.TrimSpace(string(body)))
	}
	return string(body), nil
}

// Want is the answer every architecture must reach, computed without the
// server.
func (m Mix) Want() Total {
	var t Total
	for id := range m.Items {
		t.Add(Fib(m.FibSize(id)))
	}
	return t
}

// Serial runs the mixed job one item at a time: the baseline.
func (m Mix) Serial(ctx context.Context, client *http.Client, s *Server) (Total, error) {
	var t Total
	for id := range m.Items {
		body, err := Fetch(ctx, client, s.ItemURL(id))
		if err != nil {
			return t, err
		}
		v, err := m.Compute(id, body)
		if err != nil {
			return t, err
		}
		t.Add(v)
	}
	return t, nil
}

// Serve starts the loopback server with this mix's latency.
func (m Mix) Serve(fail func(id int) bool) *Server {
	return NewServer(ServerConfig{Latency: m.Latency, Fail: fail})
}

// ServeWith starts the loopback server with this mix's latency and the
// rest of cfg (failures, holds).
func (m Mix) ServeWith(cfg ServerConfig) *Server {
	cfg.Latency = m.Latency
	return NewServer(cfg)
}
