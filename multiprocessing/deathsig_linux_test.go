//go:build linux

// Claim M6, the Linux detail: the parent-death signal follows the thread
// that forked the child, not the process. The broken version forks from a
// goroutine whose thread then ends, and its healthy child is killed with
// the parent still alive. The fix, the pool's spawner, forks from a thread
// that lives as long as the pool.
//
//	go test -run 'DeathSignal|Outlives' ./multiprocessing/

package multiprocessing_test

import (
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// onDyingThread runs fn on an OS thread that ends when fn returns, and
// waits until it has. A goroutine that exits while locked to its thread
// takes the thread with it, except the process's main thread, which the
// runtime never ends; so a goroutine that lands there parks, holding it,
// and another is tried.
func onDyingThread(t *testing.T, fn func() error) {
	t.Helper()
	var release []chan struct{}
	defer func() {
		for _, r := range release {
			close(r)
		}
	}()
	for {
		tid := make(chan int)
		r := make(chan struct{})
		var err error
		go func() {
			runtime.LockOSThread()
			if syscall.Gettid() == os.Getpid() {
				tid <- 0
				<-r
				runtime.UnlockOSThread()
				return
			}
			err = fn()
			tid <- syscall.Gettid()
		}() // returns still locked: the thread ends
		id := <-tid
		if id == 0 {
			release = append(release, r)
			continue
		}
		require.NoError(t, err)
		task := "/proc/self/task/" + strconv.Itoa(id)
		require.Eventually(t, func() bool { _, err := os.Stat(task); return err != nil },
			10*time.Second, time.Millisecond, "thread %d did not end", id)
		return
	}
}

func TestDeathSignalFollowsTheForkingThread(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe)
	cmd.Env = multiprocessing.OnceEnv("test/sleep")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}

	onDyingThread(t, cmd.Start)
	err = cmd.Wait()
	require.Error(t, err)
	assert.Equal(t, "signal: killed", err.Error(), "the child died with its forking thread; its parent process lives on")
}

func TestPoolOutlivesTheThreadThatStartedIt(t *testing.T) {
	var p *pool.Pool
	onDyingThread(t, func() (err error) {
		p, err = pool.New(t.Context(), 2)
		return err
	})
	defer p.Close()
	pids := p.PIDs()

	got, err := pool.Fib.Map(t.Context(), p, []int{10, 20})
	require.NoError(t, err)
	assert.Equal(t, []int{55, 6765}, got)
	assert.Equal(t, pids, p.PIDs(), "no worker was killed and replaced")
}
