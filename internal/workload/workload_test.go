package workload

import (
	"context"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }

func TestFib(t *testing.T) {
	want := []int{0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55}
	for n, w := range want {
		assert.Equal(t, w, Fib(n), "Fib(%d)", n)
	}
	assert.Equal(t, 832040, Fib(30))
}

func TestSpinDependsOnRounds(t *testing.T) {
	assert.Equal(t, Spin(1000), Spin(1000))
	assert.NotEqual(t, Spin(1000), Spin(1001))
}

// With a clock on which a round takes exactly 10 ns, calibrate must find
// exactly the round count for d, and twice d must be twice the rounds.
func TestCalibrateScalesWithDuration(t *testing.T) {
	var tried []int
	fake := func(n int) time.Duration { tried = append(tried, n); return time.Duration(n) * 10 * time.Nanosecond }
	assert.Equal(t, 100_000, calibrate(time.Millisecond, fake))
	assert.Equal(t, 200_000, calibrate(2*time.Millisecond, fake))
	assert.Equal(t, 1<<21, tried[len(tried)-1], "it doubles until a measurement lasts 20 ms")
	assert.Equal(t, 1, calibrate(time.Nanosecond, fake), "never zero rounds")
	assert.Positive(t, Calibrate(time.Millisecond), "the real clock")
}

func TestSimulatedIOWaitsOrStopsOnCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		require.NoError(t, SimulatedIO(context.Background(), 3*time.Second))
		assert.Equal(t, 3*time.Second, time.Since(start))

		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		err := SimulatedIO(ctx, time.Hour)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 4*time.Second, time.Since(start))
	})
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	return getWith(t, http.DefaultClient, url)
}

func getWith(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := c.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

func TestServerAnswersItemsAndInjectsFailures(t *testing.T) {
	s := NewServer(ServerConfig{Fail: func(id int) bool { return id == 3 }})
	defer s.Close()
	defer http.DefaultClient.CloseIdleConnections()

	code, body := get(t, s.ItemURL(7))
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "item 7", body)

	code, body = get(t, s.ItemURL(3))
	assert.Equal(t, http.StatusInternalServerError, code)
	assert.Contains(t, body, "item 3: injected failure")

	code, _ = get(t, s.URL+"/nope")
	assert.Equal(t, http.StatusNotFound, code)
	assert.Equal(t, 3, s.Requests())
}

func TestServerCountsPeakConcurrency(t *testing.T) {
	// The failure hook doubles as a barrier: no handler leaves it until all
	// four are inside, so exactly four requests are in flight at once.
	var barrier sync.WaitGroup
	barrier.Add(4)
	s := NewServer(ServerConfig{Fail: func(int) bool {
		barrier.Done()
		barrier.Wait()
		return false
	}})
	defer s.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			code, body := getWith(t, client, s.ItemURL(i))
			assert.Equal(t, http.StatusOK, code)
			assert.Equal(t, ItemBody(i), body)
		})
	}
	wg.Wait()
	assert.Equal(t, 4, s.Requests())
	assert.Equal(t, 4, s.PeakInFlight())
}

// BenchmarkFib shows how the cost of the standard CPU-bound task grows with
// n, so chapters can pick a size that takes milliseconds.
func BenchmarkFib(b *testing.B) {
	for _, n := range []int{20, 25, 30} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				Fib(n)
			}
		})
	}
}

func TestWorkersFollowTheMachineUnlessTold(t *testing.T) {
	t.Setenv(WorkersEnv, "")
	n, err := Workers()
	require.NoError(t, err)
	assert.Equal(t, runtime.NumCPU(), n)

	t.Setenv(WorkersEnv, "5")
	n, err = Workers()
	require.NoError(t, err)
	assert.Equal(t, 5, n)

	for _, bad := range []string{"0", "-1", "two"} {
		t.Setenv(WorkersEnv, bad)
		_, err = Workers()
		assert.ErrorContains(t, err, WorkersEnv, "refuses %q", bad)
	}
}
