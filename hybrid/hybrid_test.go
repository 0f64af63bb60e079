package hybrid

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// testMix is small and quick: the point of the tests is the answer, not
// the speed.
var testMix = workload.Mix{Name: "test", Items: 12, FibBase: 12}

func newKit(t *testing.T, a architecture, fail func(id int) bool) kit {
	t.Helper()
	return newKitWith(t, a, workload.ServerConfig{Fail: fail})
}

func newKitWith(t *testing.T, a architecture, cfg workload.ServerConfig) kit {
	t.Helper()
	s := testMix.ServeWith(cfg)
	client := &http.Client{Transport: &http.Transport{}}
	env := kit{Client: client, Server: s}
	if a.NeedsPool {
		p, err := pool.New(t.Context(), 2)
		require.NoError(t, err)
		env.Pool = p
		t.Cleanup(func() {
			pids := p.PIDs()
			assert.NoError(t, p.Close())
			for _, pid := range pids {
				assert.False(t, child.Alive(pid), "worker %d outlived its pool", pid)
			}
		})
	}
	t.Cleanup(func() {
		client.CloseIdleConnections()
		s.Close()
	})
	return env
}

func TestEveryArchitectureReachesTheSerialAnswer(t *testing.T) {
	for _, a := range architectures() {
		t.Run(a.Name, func(t *testing.T) {
			env := newKit(t, a, nil)
			got, err := a.Run(t.Context(), env, testMix)
			require.NoError(t, err)
			assert.Equal(t, testMix.Want(), got)
			assert.Equal(t, testMix.Items, env.Server.Requests(), "each item fetched exactly once")
			t.Logf("%d items summed to %d, the serial answer, from %d requests", got.Items, got.Sum, env.Server.Requests())
		})
	}
}

func TestAFailedFetchReachesTheCaller(t *testing.T) {
	for _, a := range architectures() {
		t.Run(a.Name, func(t *testing.T) {
			env := newKit(t, a, func(id int) bool { return id == 5 })
			got, err := a.Run(t.Context(), env, testMix)
			assert.ErrorContains(t, err, "item 5: injected failure")
			assert.Equal(t, workload.Total{}, got, "no partial total passes for an answer")
			assert.LessOrEqual(t, env.Server.Requests(), testMix.Items, "no item fetched twice")
		})
	}
}

func TestACancelledJobStopsAndSaysSo(t *testing.T) {
	for _, a := range architectures() {
		t.Run(a.Name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			// Items 0-2 are answered; the request for item 3 cancels the
			// job, and it and every later request stay in flight until
			// their client gives up, so the cancellation is what ends them.
			env := newKitWith(t, a, workload.ServerConfig{Hold: func(r *http.Request, id int) {
				if id < 3 {
					return
				}
				if id == 3 {
					cancel()
				}
				<-r.Context().Done()
			}})
			got, err := a.Run(ctx, env, testMix)
			assert.ErrorIs(t, err, context.Canceled)
			assert.Equal(t, workload.Total{}, got)
			assert.LessOrEqual(t, env.Server.Requests(), testMix.Items)
		})
	}
}

func TestAWorkerKilledMidRunReachesTheCaller(t *testing.T) {
	for _, a := range architectures() {
		if !a.NeedsPool {
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			env := newKit(t, a, nil)
			env.Crash = func(id int) bool { return id == 7 }
			before := env.Pool.PIDs()
			got, err := a.Run(t.Context(), env, testMix)
			var died *pool.WorkerDiedError
			require.ErrorAs(t, err, &died)
			assert.Contains(t, before, died.PID, "the error names a worker of the pool")
			t.Logf("the caller got: %v", err)
			assert.Equal(t, workload.Total{}, got)
			assert.LessOrEqual(t, env.Server.Requests(), testMix.Items, "no item fetched twice")

			// The pool replaced the dead worker and still gives the answer.
			env.Crash = nil
			got, err = a.Run(t.Context(), env, testMix)
			require.NoError(t, err)
			assert.Equal(t, testMix.Want(), got)
			t.Logf("run again on the same pool: %d items summed to %d", got.Items, got.Sum)
		})
	}
}
