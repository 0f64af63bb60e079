package hybrid

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

// testMix is small and quick: the point of the tests is the answer, not
// the speed.
var testMix = workload.Mix{Name: "test", Items: 12, FibBase: 12}

func newEnv(t *testing.T, fail func(id int) bool) Env {
	t.Helper()
	s := testMix.Serve(fail)
	client := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(func() {
		client.CloseIdleConnections()
		s.Close()
	})
	return Env{Client: client, Server: s}
}

func TestEveryArchitectureReachesTheSerialAnswer(t *testing.T) {
	for _, a := range Architectures() {
		t.Run(a.Name, func(t *testing.T) {
			env := newEnv(t, nil)
			got, err := a.Run(t.Context(), env, testMix)
			require.NoError(t, err)
			assert.Equal(t, testMix.Want(), got)
			assert.Equal(t, testMix.Items, env.Server.Requests(), "each item fetched exactly once")
		})
	}
}

func TestAFailedFetchReachesTheCaller(t *testing.T) {
	for _, a := range Architectures() {
		t.Run(a.Name, func(t *testing.T) {
			env := newEnv(t, func(id int) bool { return id == 5 })
			got, err := a.Run(t.Context(), env, testMix)
			assert.ErrorContains(t, err, "item 5: injected failure")
			assert.Equal(t, workload.Total{}, got, "no partial total passes for an answer")
			assert.LessOrEqual(t, env.Server.Requests(), testMix.Items, "no item fetched twice")
		})
	}
}

func TestACancelledJobStopsAndSaysSo(t *testing.T) {
	for _, a := range Architectures() {
		t.Run(a.Name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			// Cancel as the fourth request arrives: the job is half way.
			env := newEnv(t, func(id int) bool {
				if id == 3 {
					cancel()
				}
				return false
			})
			_, err := a.Run(ctx, env, testMix)
			assert.ErrorIs(t, err, context.Canceled)
			assert.LessOrEqual(t, env.Server.Requests(), testMix.Items)
		})
	}
}
