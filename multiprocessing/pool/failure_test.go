// Claim F6: a crashing worker does not take the parent down. A panic, an
// error, a killed worker, an unknown function, an undecodable argument or
// result and an oversized message each become an error for that one task;
// the parent and the rest of the pool carry on.
//
//	go test -run 'Task|Worker|Frame|Unknown|Undecodable' ./multiprocessing/pool/

package pool_test

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// startBlockingTask submits a task that never returns and waits until a
// worker has picked it up. It returns the task and that worker's pid.
func startBlockingTask(t *testing.T, ctx context.Context, p *pool.Pool) (*pool.Future, int) {
	t.Helper()
	fut, pid, conn := startReportingTask(t, ctx, p, "test/report-and-block")
	conn.Close()
	return fut, pid
}

// startHeldTask submits a task that runs until release is called, and
// waits until a worker has picked it up. Its result is that worker's pid.
func startHeldTask(t *testing.T, ctx context.Context, p *pool.Pool) (fut *pool.Future, pid int, release func()) {
	t.Helper()
	fut, pid, conn := startReportingTask(t, ctx, p, "test/report-and-wait")
	t.Cleanup(func() { conn.Close() })
	return fut, pid, func() { conn.Close() }
}

// startReportingTask submits name, a function that dials the address it
// is given and writes its pid, and waits for that line.
func startReportingTask(t *testing.T, ctx context.Context, p *pool.Pool, name string) (*pool.Future, int, net.Conn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	fut := p.Submit(ctx, name, []byte(ln.Addr().String()))
	conn, err := ln.Accept()
	require.NoError(t, err)
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		conn.Close()
		require.NoError(t, err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		conn.Close()
		require.NoError(t, err)
	}
	return fut, pid, conn
}

func TestTaskPanicBecomesAnError(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	pids := p.PIDs()
	_, err := p.Submit(t.Context(), "test/panic", []byte("bad day")).Wait()

	var panicErr *pool.TaskPanicError
	require.ErrorAs(t, err, &panicErr)
	assert.Equal(t, "boom: bad day", panicErr.Value)
	assert.Contains(t, panicErr.Stack, "testfuncs.go", "the stack points at the panic")
	assert.Equal(t, pids, p.PIDs(), "the worker recovered and was kept")

	res, err := p.Submit(t.Context(), pool.Echo, []byte("still here")).Wait()
	require.NoError(t, err)
	assert.Equal(t, "still here", string(res))
}

func TestTaskErrorCarriesItsMessage(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	_, err := p.Submit(t.Context(), "test/fail", []byte("x")).Wait()
	var taskErr *pool.TaskError
	require.ErrorAs(t, err, &taskErr)
	assert.Equal(t, "refusing x", taskErr.Message)
	assert.EqualError(t, err, "pool: test/fail failed: refusing x")
}

func TestKilledWorkerIsReportedAndReplaced(t *testing.T) {
	p := testfuncs.NewPool(t, 2)
	victim, pid := startBlockingTask(t, t.Context(), p)

	// Queue other work around the kill; none of it may be lost.
	var others []*pool.Future
	for i := range 8 {
		others = append(others, p.Submit(t.Context(), pool.Echo, []byte{byte(i)}))
	}
	proc, err := os.FindProcess(pid)
	require.NoError(t, err)
	require.NoError(t, proc.Kill())

	_, err = victim.Wait()
	var died *pool.WorkerDiedError
	require.ErrorAs(t, err, &died)
	assert.Equal(t, pid, died.PID)
	assert.Equal(t, "signal: killed", died.Exit)
	assert.Equal(t, "test/report-and-block", died.Func)

	for i, f := range others {
		res, err := f.Wait()
		require.NoError(t, err, "task %d", i)
		assert.Equal(t, []byte{byte(i)}, res)
	}
	pids := p.PIDs()
	assert.Len(t, pids, 2, "the dead worker was replaced")
	assert.NotContains(t, pids, pid)
}

func TestUnknownFunctionIsAnError(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	_, err := p.Submit(t.Context(), "test/no-such-function", nil).Wait()
	require.ErrorIs(t, err, pool.ErrUnknownFunc)
	assert.ErrorContains(t, err, `"test/no-such-function"`)

	long := string(slices.Repeat([]byte("n"), 300))
	_, err = p.Submit(t.Context(), long, nil).Wait()
	require.ErrorIs(t, err, pool.ErrUnknownFunc)
}

func TestUndecodableResultIsAnError(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	notJSON := pool.Remote[int, int]("test/not-json")
	_, err := notJSON.Call(t.Context(), p, 1)
	require.ErrorIs(t, err, pool.ErrDecode)
	assert.ErrorContains(t, err, "result of test/not-json")

	_, err = notJSON.Map(t.Context(), p, []int{1, 2})
	require.ErrorIs(t, err, pool.ErrDecode)
	assert.ErrorContains(t, err, "input 1: pool: cannot decode result of test/not-json")
}

// The other way round: the worker cannot decode the argument. The caller
// learns it from the same sentinel as an undecodable result, and the
// worker, which refused the call before running it, carries on.
func TestUndecodableArgumentIsADecodeError(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	pids := p.PIDs()
	wrongType := pool.Remote[string, int](pool.Fib.Name())

	_, err := wrongType.Call(t.Context(), p, "thirty")
	require.ErrorIs(t, err, pool.ErrDecode)
	assert.ErrorContains(t, err, "pool: cannot decode argument of atlas/fib: json: ")
	var taskErr *pool.TaskError
	assert.NotErrorAs(t, err, &taskErr, "the function never ran, so it cannot have failed")

	_, err = wrongType.Map(t.Context(), p, []string{"one", "two"})
	require.ErrorIs(t, err, pool.ErrDecode)
	assert.ErrorContains(t, err, "input 0: pool: cannot decode argument of atlas/fib")
	assert.ErrorContains(t, err, "input 1: pool: cannot decode argument of atlas/fib")

	n, err := pool.Fib.Call(t.Context(), p, 10)
	require.NoError(t, err)
	assert.Equal(t, 55, n)
	assert.Equal(t, pids, p.PIDs(), "the worker was kept")
}

func TestFrameOverTheLimitIsAnError(t *testing.T) {
	const limit = 1 << 10
	p := testfuncs.NewPool(t, 1, pool.WithMaxFrame(limit))

	_, err := p.Submit(t.Context(), pool.Echo, make([]byte, limit)).Wait()
	require.ErrorIs(t, err, pool.ErrFrameTooLarge, "argument too large")

	_, err = p.Submit(t.Context(), "test/bytes", []byte(strconv.Itoa(limit))).Wait()
	require.ErrorIs(t, err, pool.ErrFrameTooLarge, "result too large")

	res, err := p.Submit(t.Context(), "test/bytes", []byte("100")).Wait()
	require.NoError(t, err, "the worker is still serving")
	assert.Len(t, res, 100)
}

func TestMapReportsEachFailureByIndex(t *testing.T) {
	p := testfuncs.NewPool(t, 2)
	out, err := pool.Fib.Map(t.Context(), p, []int{10, -1, 12, 99})
	assert.Equal(t, []int{55, 0, 144, 0}, out, "the good inputs still have results")
	var taskErr *pool.TaskError
	require.ErrorAs(t, err, &taskErr)
	assert.ErrorContains(t, err, "input 1: pool: atlas/fib failed: fib(-1)")
	assert.ErrorContains(t, err, "input 3: pool: atlas/fib failed: fib(99)")
	assert.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 2)
}

func TestErrorsAreDistinct(t *testing.T) {
	sentinels := []error{pool.ErrPoolClosed, pool.ErrPoolTerminated,
		pool.ErrUnknownFunc, pool.ErrDecode, pool.ErrNotWorker,
		pool.ErrFrameTooLarge, pool.ErrBadRegistration}
	for i, a := range sentinels {
		for j, b := range sentinels {
			assert.Equal(t, i == j, errors.Is(a, b), "%v vs %v", a, b)
		}
	}
}

func TestANilPoolRefusesWorkByName(t *testing.T) {
	var p *pool.Pool
	_, err := p.Submit(t.Context(), "test/pid", nil).Wait()
	assert.ErrorIs(t, err, pool.ErrNilPool)
	_, err = p.Map(t.Context(), "test/pid", [][]byte{nil, nil})
	assert.ErrorIs(t, err, pool.ErrNilPool)
	_, err = pool.Fib.Call(t.Context(), nil, 10)
	assert.ErrorIs(t, err, pool.ErrNilPool)
	_, err = pool.Fib.Map(t.Context(), nil, []int{1, 2})
	assert.ErrorIs(t, err, pool.ErrNilPool)
	_, err = pool.Fib.On(nil).Execute(t.Context(), 10)
	assert.ErrorIs(t, err, pool.ErrNilPool)
}
