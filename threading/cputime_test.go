package threading_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/threading"
)

func TestCPUTimeVsWallTime(t *testing.T) {
	const span = 50 * time.Millisecond
	sleepCPU, sleepWall, err := threading.CPUShare(func() { time.Sleep(span) })
	require.NoError(t, err)
	// Spin until the thread has used span of CPU, however long that takes
	// on a busy machine. The result is kept, or the compiler could drop
	// the arithmetic of a call without side effects.
	var spun uint64
	spinCPU, spinWall, err := threading.CPUShare(func() {
		begin, err := threading.ThreadCPUTime()
		var kept uint64
		defer func() { spun = kept }()
		for err == nil {
			kept ^= workload.Spin(1 << 16)
			var now time.Duration
			if now, err = threading.ThreadCPUTime(); now-begin >= span {
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
