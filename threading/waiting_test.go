// Claim T3: a thread that sleeps or waits on I/O lets the others run. At
// GOMAXPROCS=1 a thousand sleeping goroutines overlap their sleeps, and a
// goroutine stuck in a real blocking system call does not hold up the
// rest.
//
//	go test -run 'Sleeping|BlockedInSyscall' -v ./threading/
//
// You will see "1,000 sleeps of 1 s on one P: 1s of virtual time" and, on
// Linux, TestGoroutineBlockedInSyscallDoesNotStopOthers log that other
// goroutines computed on the only P while one sat in read(2).

package threading_test

import (
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/threading"
)

func TestThousandSleepingGoroutinesTakeOneSleepOnOneP(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	waits := make([]time.Duration, 1000)
	for i := range waits {
		waits[i] = time.Second
	}
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		require.NoError(t, threading.SleepTogether(t.Context(), waits))
		t.Logf("1,000 sleeps of 1 s on one P: %v of virtual time", time.Since(start))
		assert.Equal(t, time.Second, time.Since(start))
	})
}
