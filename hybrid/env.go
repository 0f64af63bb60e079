// What an architecture is and what it may use, and serialArch, the
// baseline whose answer every other architecture must reach.

package hybrid

import (
	"context"
	"net/http"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// kit is what an architecture may use: the HTTP client and the loopback
// server to fetch from, and the process pool for those that compute in
// worker processes. The caller owns all of them, so a benchmark can keep
// them warm across runs.
type kit struct {
	Client *http.Client
	Server *workload.Server
	Pool   *pool.Pool
	// Crash, if set, injects a fault as the server's Fail hook does: the
	// worker process that handles an item for which it says true kills
	// itself with SIGKILL, as if the kernel's OOM killer had struck.
	Crash func(id int) bool
}

func (e kit) crashes(id int) bool { return e.Crash != nil && e.Crash(id) }

// fetch gets item id's body from the server.
func (e kit) fetch(ctx context.Context, id int) (string, error) {
	return workload.Fetch(ctx, e.Client, e.Server.ItemURL(id))
}

// architecture runs the whole mixed job one way and returns its total.
// Every architecture must return exactly what Mix.Want says, or an error
// and a zero Total: a partial sum never passes for an answer.
type architecture struct {
	Name string
	Run  func(ctx context.Context, env kit, m workload.Mix) (workload.Total, error)
	// NeedsPool says the architecture computes in worker processes.
	NeedsPool bool
}

// serialArch is the baseline: one item at a time, fetch then compute.
func serialArch(ctx context.Context, env kit, m workload.Mix) (workload.Total, error) {
	t, err := m.Serial(ctx, env.Client, env.Server)
	if err != nil {
		return workload.Total{}, err
	}
	return t, nil
}
