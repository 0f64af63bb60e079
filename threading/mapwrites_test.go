package threading_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/threading"
)

// runMapWrites builds and runs the two-writer program. scene.Program
// builds it without cgo and so without -race. A race-built child would
// print DATA RACE reports before the map's own fatal error, or exit 66
// before it with GORACE=halt_on_error=1: the detector's story, not the
// map's.
func runMapWrites(t *testing.T) scene.Result {
	t.Helper()
	// The writers loop until they collide, so the deadline only bounds a
	// run in which they somehow never did.
	res := scene.Program(t, "testdata/programs/mapwrites", scene.Timeout(20*time.Second))
	logChild(t, res, "fatal error:", "main.guard(")
	require.False(t, res.TimedOut, "the writers never collided: %s", res)
	return res
}

func TestConcurrentMapWritesKillTheProgram(t *testing.T) {
	res := runMapWrites(t)
	assert.Equal(t, 2, res.ExitCode, res)
	assert.True(t, strings.HasPrefix(res.Stderr, "fatal error: concurrent map writes\n"), res)
	assert.NotContains(t, res.Stdout, "never printed", res)
}

func TestRecoverCannotCatchConcurrentMapWrites(t *testing.T) {
	res := runMapWrites(t)
	require.Equal(t, 2, res.ExitCode, res)
	// The crash happened inside a guarded writer...
	assert.Contains(t, res.Stderr, "main.guard(", res)
	// ...and it is a fatal error, not a panic: the guard that caught the
	// warm-up panic printed nothing for either writer, not even nil,
	// because the runtime ran no deferred call before it exited.
	assert.NotContains(t, res.Stderr, "panic:", res)
	assert.Equal(t, "warm-up: recovered an ordinary panic\n", res.Stdout)
}

func TestGuardedMapsReachTheExactCount(t *testing.T) {
	goroutines, each, keys := 16, 1000, 4
	if testing.Short() {
		each = 100
	}
	for _, tc := range []struct {
		name  string
		tally threading.Tally
	}{
		{"mutex", &threading.MutexTally{}},
		{"sync.Map", &threading.SyncMapTally{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Every goroutine adds to every key, so writers collide on
			// the same entries as well as on the same map.
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Go(func() {
					for i := range each {
						tc.tally.Add((g + i) % keys)
					}
				})
			}
			// Reads while writers run must be safe too.
			wg.Go(func() {
				for k := range keys {
					_ = tc.tally.Count(k)
				}
			})
			wg.Wait()
			for k := range keys {
				assert.Equal(t, goroutines*each/keys, tc.tally.Count(k), "key %d", k)
			}
			assert.Zero(t, tc.tally.Count(keys), "a key never added")
		})
	}
}

func TestMapTallyIsCorrectOnOneGoroutine(t *testing.T) {
	tally := threading.MapTally{}
	for i := range 10 {
		tally.Add(i % 2)
	}
	assert.Equal(t, 5, tally.Count(0))
	assert.Equal(t, 5, tally.Count(1))
	assert.Zero(t, tally.Count(2))
}
