// Claim M5: a pool maps a function over inputs and returns the results in
// input order, reusing the same worker processes.
//
//	go test -run TestPool ./multiprocessing/pool/

package pool_test

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// requireAllGone checks that every pid has exited and been reaped.
func requireAllGone(t *testing.T, pids []int) {
	t.Helper()
	for _, pid := range pids {
		assert.False(t, child.Alive(pid), "worker %d is still running", pid)
	}
}

func TestPoolMapKeepsInputOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 3} {
		t.Run(strconv.Itoa(workers)+"workers", func(t *testing.T) {
			p := testfuncs.NewPool(t, workers)
			// Early inputs are the slow ones, so they finish last.
			inputs := []int{27, 25, 20, 10, 5, 1, 0}
			got, err := pool.Fib.Map(t.Context(), p, inputs)
			require.NoError(t, err)
			assert.Equal(t, []int{196418, 75025, 6765, 55, 5, 1, 0}, got)
		})
	}
}

func TestPoolReusesItsWorkers(t *testing.T) {
	p := testfuncs.NewPool(t, 2)
	before := p.PIDs()
	require.Len(t, before, 2)
	assert.NotContains(t, before, os.Getpid())

	inputs := make([][]byte, 20)
	out, err := p.Map(t.Context(), "test/pid", inputs)
	require.NoError(t, err)
	for _, b := range out {
		pid, err := strconv.Atoi(string(b))
		require.NoError(t, err)
		assert.Contains(t, before, pid, "a task ran outside the pool's workers")
	}
	assert.Equal(t, before, p.PIDs(), "no worker was replaced")
}

func TestPoolSubmitReturnsAFuture(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	fut := p.Submit(t.Context(), pool.Echo, []byte("ping"))
	<-fut.Done()
	res, err := fut.Wait()
	require.NoError(t, err)
	assert.Equal(t, "ping", string(res))
}

// Python's Pool() with no size has one worker per CPU. Here the size is
// always explicit, and CPUs is that number: the CPUs this process may run
// on, which is what runtime.NumCPU counts.
func TestPoolOfCPUsHasOneWorkerPerCPU(t *testing.T) {
	n := pool.CPUs()
	require.Equal(t, runtime.NumCPU(), n)
	if n > 64 {
		t.Skipf("%d CPUs: a worker each is too many processes for a test", n)
	}
	p := testfuncs.NewPool(t, n)
	assert.Len(t, p.PIDs(), n)
}

func TestPoolCountsBytesOnTheWire(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	_, err := p.Submit(t.Context(), pool.Echo, []byte("12345")).Wait()
	require.NoError(t, err)
	// A call frame: 4-byte length, kind, name length, name, argument.
	// A reply frame: 4-byte length, kind, result.
	want := pool.Stats{Tasks: 1,
		Sent:     int64(4 + 2 + len(pool.Echo) + 5),
		Received: int64(4 + 1 + 5)}
	assert.Equal(t, want, p.Stats())
}

func TestPoolCloseFinishesQueuedWork(t *testing.T) {
	p, err := pool.New(t.Context(), 2)
	require.NoError(t, err)
	pids := p.PIDs()
	var futs []*pool.Future
	for i := range 10 {
		futs = append(futs, p.Submit(t.Context(), pool.Echo, []byte{byte(i)}))
	}
	require.NoError(t, p.Close())
	for i, f := range futs {
		res, err := f.Wait()
		require.NoError(t, err, "task %d", i)
		assert.Equal(t, []byte{byte(i)}, res)
	}
	requireAllGone(t, pids)
	assert.Empty(t, p.PIDs())
	_, err = p.Submit(t.Context(), pool.Echo, nil).Wait()
	require.ErrorIs(t, err, pool.ErrPoolClosed)
	require.NoError(t, p.Close(), "a second Close is harmless")
}

func TestPoolRejectsBadConfiguration(t *testing.T) {
	_, err := pool.New(t.Context(), 0)
	require.ErrorContains(t, err, "at least one worker")

	_, err = pool.New(t.Context(), 1, pool.WithMaxFrame(10))
	require.ErrorContains(t, err, "frame limit 10 is too small")

	_, err = pool.New(t.Context(), 1, pool.WithPrefetch(-1))
	require.ErrorContains(t, err, "prefetch -1 is negative")

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = pool.New(ctx, 1)
	require.ErrorIs(t, err, context.Canceled)
}

// A process that was started as a worker but runs main instead of serving
// must not start workers of its own: each would do the same, forever.
func TestPoolRefusesToStartInsideAnUnservedWorker(t *testing.T) {
	t.Setenv(pool.EnvWorker, "multiprocessing/pool")
	_, err := pool.New(t.Context(), 1)
	require.ErrorIs(t, err, pool.ErrNotWorker)
}

// Registration is part of the program text: the parent and every worker
// run the same init code, so a bad Register or Define would break them
// all. Both refuse the same mistakes the same way, with a panic whose value
// is an error matching ErrBadRegistration (Register says why a panic).
func TestRegisterAndDefineRefuseTheSameMistakes(t *testing.T) {
	raw := func([]byte) ([]byte, error) { return nil, nil }
	typed := func(int) (int, error) { return 0, nil }
	long := string(slices.Repeat([]byte("x"), 256))
	for _, tc := range []struct {
		name     string
		register func()
		want     string
	}{
		{"Register/nil", func() { pool.Register("test/nil", nil) },
			`Register("test/nil") needs a function`},
		{"Define/nil", func() { pool.Define[int, int]("test/nil", nil) },
			`Define("test/nil") needs a function`},
		{"Register/twice", func() { pool.Register("test/pid", raw) },
			`Register("test/pid"): the name is taken`},
		{"Define/twice", func() { pool.Define("test/pid", typed) },
			`Define("test/pid"): the name is taken`},
		{"Register/empty", func() { pool.Register("", raw) },
			`Register(""): a name needs 1 to 255 bytes`},
		{"Define/empty", func() { pool.Define("", typed) },
			`Define(""): a name needs 1 to 255 bytes`},
		{"Register/long", func() { pool.Register(long, raw) }, "a name needs 1 to 255 bytes"},
		{"Define/long", func() { pool.Define(long, typed) }, "a name needs 1 to 255 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err, ok := panicValue(tc.register).(error)
			require.True(t, ok, "the panic value is an error")
			require.ErrorIs(t, err, pool.ErrBadRegistration)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

// panicValue runs f and returns what it panicked with, or nil.
func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
