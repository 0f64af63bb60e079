//go:build linux

package threading_test

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/concurrency-atlas/atlas/threading"
)

// inSyscallRead reports whether OS thread tid is inside read(2) on fd,
// from /proc: the first fields of .../syscall are the call's number and
// its first argument.
func inSyscallRead(tid, fd int) (bool, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/self/task/%d/syscall", tid))
	if err != nil {
		return false, err
	}
	f := strings.Fields(string(b))
	return len(f) > 1 && f[0] == strconv.Itoa(unix.SYS_READ) && f[1] == fmt.Sprintf("%#x", fd), nil
}

func TestGoroutineBlockedInSyscallDoesNotStopOthers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	// syscall.Pipe gives blocking descriptors: a read on the empty pipe
	// really sleeps in the kernel, unlike os.Pipe, whose reads park the
	// goroutine in Go's network poller.
	var p [2]int
	require.NoError(t, syscall.Pipe(p[:]))
	defer syscall.Close(p[0])
	defer syscall.Close(p[1])

	tids := make(chan int, 1)
	got := make(chan string, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		tids <- unix.Gettid()
		buf := make([]byte, 8)
		n, err := syscall.Read(p[0], buf)
		if err != nil {
			got <- err.Error()
			return
		}
		got <- string(buf[:n])
	}()

	// Wait until the reader's thread is asleep in read(2). With one P,
	// this goroutine can only be running because the runtime handed the
	// P on when the reader entered the kernel.
	tid := <-tids
	for {
		in, err := inSyscallRead(tid, p[0])
		if err != nil {
			t.Skipf("cannot see other threads' system calls here: %v", err)
		}
		if in {
			break
		}
		time.Sleep(time.Millisecond)
	}

	// Other goroutines start, compute and finish while the reader waits.
	assert.Equal(t, []int{6765, 6765, 6765}, threading.FibGoroutines([]int{20, 20, 20}))
	in, err := inSyscallRead(tid, p[0])
	require.NoError(t, err)
	assert.True(t, in, "the reader is still blocked")
	t.Logf("three Fib(20) goroutines ran on the only P while thread %d sat in read(2)", tid)

	_, err = syscall.Write(p[1], []byte("wake"))
	require.NoError(t, err)
	assert.Equal(t, "wake", <-got)
}
