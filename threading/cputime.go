// Claim F4: waiting on I/O leaves the CPU idle; computing keeps it busy.
// getrusage tells the two apart: a thread that sleeps for a while uses
// almost no CPU time, one that computes uses CPU time close to its wall
// time.
//
//	go test -run CPUTimeVsWallTime -v ./threading/
//
// You will see one log line with each thread's CPU time against its wall
// time: the sleeper's share near 0 (0.001 is typical) and the spinner's
// near 1 (lower on a busy machine, where the spinner also waits for a
// core).

package threading

import (
	"fmt"
	"runtime"
	"time"
)

// CPUShare runs work on one locked OS thread and returns the thread's CPU
// time and the wall time it took.
func CPUShare(work func()) (cpu, wall time.Duration, err error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, err := ThreadCPUTime()
	if err != nil {
		return 0, 0, fmt.Errorf("threading: reading CPU time: %w", err)
	}
	start := time.Now()
	work()
	wall = time.Since(start)
	after, err := ThreadCPUTime()
	if err != nil {
		return 0, 0, fmt.Errorf("threading: reading CPU time: %w", err)
	}
	return after - before, wall, nil
}
