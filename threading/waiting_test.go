// Claims T3 and F4: waiting releases the processor. At GOMAXPROCS=1 a
// thousand sleeping goroutines overlap their sleeps, and a goroutine stuck
// in a real blocking system call does not hold up the rest.
//
//	go test -run 'Sleeping|BlockedInSyscall|CPUTimeVsWallTime' -v ./threading/

package threading

import (
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

func TestThousandSleepingGoroutinesTakeOneSleepOnOneP(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	waits := make([]time.Duration, 1000)
	for i := range waits {
		waits[i] = time.Second
	}
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		require.NoError(t, SleepTogether(t.Context(), waits))
		assert.Equal(t, time.Second, time.Since(start))
	})
}

func TestCPUTimeVsWallTime(t *testing.T) {
	const span = 50 * time.Millisecond
	sleepCPU, sleepWall, err := CPUShare(func() { time.Sleep(span) })
	require.NoError(t, err)
	// Spin until the thread has used span of CPU, however long that takes
	// on a busy machine. The result is kept, or the compiler could drop
	// the arithmetic of a call without side effects.
	var spun uint64
	spinCPU, spinWall, err := CPUShare(func() {
		begin, err := ThreadCPUTime()
		var kept uint64
		defer func() { spun = kept }()
		for err == nil {
			kept ^= workload.Spin(1 << 16)
			var now time.Duration
			if now, err = ThreadCPUTime(); now-begin >= span {
				return
			}
		}
		t.Error(err)
	})
	require.NoError(t, err)
	_ = spun
	sleepShare := float64(sleepCPU) / float64(sleepWall)
	spinShare := float64(spinCPU) / float64(spinWall)
	t.Logf("sleep: cpu %v of wall %v (%.3f); spin: cpu %v of wall %v (%.2f)",
		sleepCPU, sleepWall, sleepShare, spinCPU, spinWall, spinShare)
	// Generous margins: a sleeping thread cannot use a tenth of its wall
	// time, and a spinning one gets at least a twentieth unless the
	// machine is more than twenty times oversubscribed.
	assert.Less(t, sleepShare, 0.1, "the sleeper should leave the CPU idle")
	assert.Greater(t, spinShare, 0.05, "the spinner should keep the CPU busy")
	assert.Greater(t, spinCPU, 10*sleepCPU, "same span, very different CPU time")
}
