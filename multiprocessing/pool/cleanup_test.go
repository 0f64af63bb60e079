// Claim M6: child processes must be joined and cleaned up, or they outlive
// their parent. Every way a pool can end (Close, Terminate, its context
// cancelled, a task's context cancelled, the parent killed outright) is
// checked by asking the OS whether the worker pids still exist.
//
//	go test -run 'Terminate|Cancel|Orphan' ./multiprocessing/pool/

package pool_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func TestTerminateKillsRunningAndQueuedWork(t *testing.T) {
	p, err := pool.New(t.Context(), 1)
	require.NoError(t, err)
	pids := p.PIDs()
	running, _ := startBlockingTask(t, t.Context(), p)
	queued := p.Submit(t.Context(), pool.Echo, nil)

	p.Terminate()
	_, err = running.Wait()
	require.ErrorIs(t, err, pool.ErrPoolTerminated)
	_, err = queued.Wait()
	require.ErrorIs(t, err, pool.ErrPoolTerminated)
	requireAllGone(t, pids)

	_, err = p.Submit(t.Context(), pool.Echo, nil).Wait()
	require.ErrorIs(t, err, pool.ErrPoolClosed)
}

func TestCancellingThePoolContextKillsEveryWorker(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	p, err := pool.New(ctx, 2)
	require.NoError(t, err)
	pids := p.PIDs()
	running, _ := startBlockingTask(t, t.Context(), p)

	cancel()
	<-p.Done() // the pool stops itself; nobody called Close
	_, err = running.Wait()
	require.ErrorIs(t, err, pool.ErrPoolTerminated)
	requireAllGone(t, pids)
}

func TestCancellingATaskKillsOnlyItsWorker(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	ctx, cancel := context.WithCancel(t.Context())
	fut, pid := startBlockingTask(t, ctx, p)

	cancel()
	_, err := fut.Wait()
	require.ErrorIs(t, err, context.Canceled)

	// One worker: this task runs only after the cancelled one's worker was
	// reaped and replaced.
	res, err := p.Submit(t.Context(), "test/pid", nil).Wait()
	require.NoError(t, err)
	assert.NotEqual(t, strconv.Itoa(pid), string(res))
	assert.False(t, child.Alive(pid), "cancelled worker %d still running", pid)
}

func init() {
	scene.Register("pool-parent-killed-busy", func() { killParentOfPool(true) })
	scene.Register("pool-parent-killed-idle", func() { killParentOfPool(false) })
}

// killParentOfPool is a parent that dies abruptly: it starts two workers,
// prints their pids, and kills itself with SIGKILL, so no deferred Close
// and no cleanup code of its own can run. When busy, both workers are in
// the middle of a task that would otherwise never end.
func killParentOfPool(busy bool) {
	var opts []pool.Option
	if !busy {
		// Show that an idle worker leaves on its own when its input pipe
		// closes, without help from the parent-death signal.
		opts = append(opts, pool.WithoutParentDeathSignal())
	}
	p, err := pool.New(context.Background(), 2, opts...)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if busy {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		for range 2 {
			p.Submit(context.Background(), "test/report-and-block", []byte(ln.Addr().String()))
		}
		for range 2 { // both workers have started their task
			c, err := ln.Accept()
			if err != nil {
				fmt.Println(err)
				os.Exit(1)
			}
			buf := make([]byte, 32)
			_, _ = c.Read(buf)
		}
	}
	fmt.Println(strings.Trim(fmt.Sprint(p.PIDs()), "[]"))
	self, _ := os.FindProcess(os.Getpid())
	_ = self.Kill()
	time.Sleep(time.Hour) // never reached
}

func TestParentKilledLeavesNoOrphans(t *testing.T) {
	for _, tc := range []struct {
		scene string
		why   string
	}{
		{"pool-parent-killed-busy", "busy workers are killed by the parent-death signal"},
		{"pool-parent-killed-idle", "idle workers exit when their input pipe closes"},
	} {
		t.Run(tc.scene, func(t *testing.T) {
			if tc.scene == "pool-parent-killed-busy" && !pool.HasParentDeathSignal {
				t.Skip("only Linux has a parent-death signal; elsewhere a busy worker runs its task to the end")
			}
			res := scene.Run(t, tc.scene)
			require.Equal(t, "killed", res.Signal, res)
			var pids []int
			for f := range strings.FieldsSeq(res.Stdout) {
				pid, err := strconv.Atoi(f)
				require.NoError(t, err, res)
				pids = append(pids, pid)
			}
			require.Len(t, pids, 2, res)
			t.Cleanup(func() { killIfAlive(pids) })

			// The kernel acts asynchronously: give it time, bounded, then
			// demand that every worker is gone.
			for _, pid := range pids {
				assert.Eventually(t, func() bool { return !child.Alive(pid) },
					10*time.Second, 5*time.Millisecond, "%s: worker %d orphaned", tc.why, pid)
			}
		})
	}
}

// killIfAlive removes what a failing orphan test left behind.
func killIfAlive(pids []int) {
	for _, pid := range pids {
		if child.Alive(pid) {
			if p, err := os.FindProcess(pid); err == nil {
				_ = p.Kill()
			}
		}
	}
}
